-- What the latest load run of each source (eoir, ohss, cbp) quarantined, by table, sheet and reason,
-- with an example line number. Grain: one row per source x table x sheet x reason.
with latest as (
    select source, max(job_execution_id) as job_execution_id
    from etl.load_run
    group by source
)

select
    latest.source,
    r.table_name,
    r.sheet_name,
    r.reason_code,
    count(*) as rows_rejected,
    min(r.line_number) as first_line,
    min(r.message) as example_message
from etl.rejected_row as r
join latest using (job_execution_id)
group by latest.source, r.table_name, r.sheet_name, r.reason_code
order by latest.source, rows_rejected desc;
