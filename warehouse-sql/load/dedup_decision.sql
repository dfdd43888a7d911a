-- dedup_decision: records every input line of the release that the facts collapsed into another.
-- Rule same_key_last_line_wins: a key on several lines of a table keeps its last line (the facts'
-- distinct on). Rule exact_duplicate: a charge line that repeats another's proceeding, case, charge
-- and status under another IDNPRCDCHG folds into the lowest IDNPRCDCHG (fct_charge).
-- Grain: one row per dropped line.
delete from etl.dedup_decision where release_key = :release_key;

insert into etl.dedup_decision (
    release_key, table_name, rule, kept_record_key, kept_source_file_id, kept_line_number,
    dropped_record_key, dropped_source_file_id, dropped_line_number
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

keyed as (
    select 'A_TblCase' as table_name, c.idncase as record_key, c.source_file_id, c.line_number
    from staging.eoir_case as c join release_files using (source_file_id)
    union all
    select 'B_TblProceeding', p.idnproceeding, p.source_file_id, p.line_number
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    union all
    select 'tbl_schedule', s.idnschedule, s.source_file_id, s.line_number
    from staging.eoir_schedule as s join release_files using (source_file_id)
    union all
    select 'tbl_Court_Appln', a.idnproceedingappln, a.source_file_id, a.line_number
    from staging.eoir_application as a join release_files using (source_file_id)
    union all
    select 'B_TblProceedCharges', ch.idnprcdchg, ch.source_file_id, ch.line_number
    from staging.eoir_charge as ch join release_files using (source_file_id)
    union all
    select 'tbl_CustodyHistory', h.idncustody, h.source_file_id, h.line_number
    from staging.eoir_custody_history as h join release_files using (source_file_id)
),

repeated_keys as (
    select table_name, record_key
    from keyed
    group by table_name, record_key
    having count(*) > 1
),

ranked as (
    select
        k.*,
        row_number() over (
            partition by k.table_name, k.record_key order by k.source_file_id desc, k.line_number desc
        ) as position
    from keyed as k
    join repeated_keys using (table_name, record_key)
)

select
    :release_key,
    dropped.table_name,
    'same_key_last_line_wins',
    kept.record_key::text,
    kept.source_file_id,
    kept.line_number,
    dropped.record_key::text,
    dropped.source_file_id,
    dropped.line_number
from ranked as dropped
join ranked as kept
    on kept.table_name = dropped.table_name and kept.record_key = dropped.record_key and kept.position = 1
where dropped.position > 1;

insert into etl.dedup_decision (
    release_key, table_name, rule, kept_record_key, kept_source_file_id, kept_line_number,
    dropped_record_key, dropped_source_file_id, dropped_line_number
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

by_key as (
    select distinct on (c.idnprcdchg) c.*
    from staging.eoir_charge as c join release_files using (source_file_id)
    order by c.idnprcdchg, c.source_file_id desc, c.line_number desc
),

ranked as (
    select
        b.idnprcdchg,
        b.source_file_id,
        b.line_number,
        first_value(b.idnprcdchg) over same_charge as kept_idnprcdchg,
        first_value(b.source_file_id) over same_charge as kept_source_file_id,
        first_value(b.line_number) over same_charge as kept_line_number
    from by_key as b
    window same_charge as (
        partition by b.idnproceeding, b.idncase, b.charge, b.chg_status order by b.idnprcdchg
    )
)

select
    :release_key,
    'B_TblProceedCharges',
    'exact_duplicate',
    kept_idnprcdchg::text,
    kept_source_file_id,
    kept_line_number,
    idnprcdchg::text,
    source_file_id,
    line_number
from ranked
where idnprcdchg <> kept_idnprcdchg;
