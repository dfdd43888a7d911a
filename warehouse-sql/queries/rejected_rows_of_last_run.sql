-- What the latest load run quarantined, by file and reason, with an example line number.
-- Grain: one row per table x reason.
with latest as (
    select max(job_execution_id) as job_execution_id from etl.load_run
)

select
    r.table_name,
    r.reason_code,
    count(*) as rows_rejected,
    min(r.line_number) as first_line,
    min(r.message) as example_message
from etl.rejected_row as r
join latest using (job_execution_id)
group by r.table_name, r.reason_code
order by rows_rejected desc;
