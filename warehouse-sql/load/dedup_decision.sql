-- dedup_decision: records every input line of the release that the facts collapsed into another.
-- Rule same_key_last_line_wins: a key on several lines of a table keeps its last line (the facts'
-- distinct on). Rule exact_duplicate: a charge line that repeats another's proceeding, case, charge
-- and status under another IDNPRCDCHG folds into the line fct_charge kept (the one it already held, else
-- the lowest IDNPRCDCHG).
-- Grain: one row per dropped line.
delete from etl.dedup_decision where release_key = :release_key;

insert into etl.dedup_decision (
    release_key, table_name, rule, kept_record_key, kept_source_file_id, kept_line_number,
    dropped_record_key, dropped_source_file_id, dropped_line_number
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

-- Keys on more than one line, per table: a hash aggregate each, no sort of the whole release, and
-- none at all for a table whose staged lines are as many as the keys the facts took from it (the
-- incoming_* tables of load/fct_*.sql, one row per key), as in most releases.
repeated_keys as (
    select 'A_TblCase' as table_name, s.idncase as record_key
    from staging.eoir_case as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_case as c join release_files using (source_file_id))
        > (select count(*) from incoming_case)
    group by s.idncase
    having count(*) > 1
    union all
    select 'B_TblProceeding', s.idnproceeding
    from staging.eoir_proceeding as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_proceeding as c join release_files using (source_file_id))
        > (select count(*) from incoming_proceeding)
    group by s.idnproceeding
    having count(*) > 1
    union all
    select 'tbl_schedule', s.idnschedule
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_schedule as c join release_files using (source_file_id))
        > (select count(*) from incoming_hearing)
    group by s.idnschedule
    having count(*) > 1
    union all
    select 'tbl_Court_Appln', s.idnproceedingappln
    from staging.eoir_application as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_application as c join release_files using (source_file_id))
        > (select count(*) from incoming_application)
    group by s.idnproceedingappln
    having count(*) > 1
    union all
    select 'B_TblProceedCharges', s.idnprcdchg
    from staging.eoir_charge as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_charge as c join release_files using (source_file_id))
        > (select count(*) from incoming_charge)
    group by s.idnprcdchg
    having count(*) > 1
    union all
    select 'tbl_CustodyHistory', s.idncustody
    from staging.eoir_custody_history as s join release_files using (source_file_id)
    where (select count(*) from staging.eoir_custody_history as c join release_files using (source_file_id))
        > (select count(*) from incoming_custody_period)
    group by s.idncustody
    having count(*) > 1
),

keyed as (
    select 'A_TblCase' as table_name, s.idncase as record_key, s.source_file_id, s.line_number
    from staging.eoir_case as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'A_TblCase')
        and s.idncase in (select r.record_key from repeated_keys as r where r.table_name = 'A_TblCase')
    union all
    select 'B_TblProceeding', s.idnproceeding, s.source_file_id, s.line_number
    from staging.eoir_proceeding as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'B_TblProceeding')
        and s.idnproceeding in (select r.record_key from repeated_keys as r where r.table_name = 'B_TblProceeding')
    union all
    select 'tbl_schedule', s.idnschedule, s.source_file_id, s.line_number
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'tbl_schedule')
        and s.idnschedule in (select r.record_key from repeated_keys as r where r.table_name = 'tbl_schedule')
    union all
    select 'tbl_Court_Appln', s.idnproceedingappln, s.source_file_id, s.line_number
    from staging.eoir_application as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'tbl_Court_Appln')
        and s.idnproceedingappln in (select r.record_key from repeated_keys as r where r.table_name = 'tbl_Court_Appln')
    union all
    select 'B_TblProceedCharges', s.idnprcdchg, s.source_file_id, s.line_number
    from staging.eoir_charge as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'B_TblProceedCharges')
        and s.idnprcdchg in (select r.record_key from repeated_keys as r where r.table_name = 'B_TblProceedCharges')
    union all
    select 'tbl_CustodyHistory', s.idncustody, s.source_file_id, s.line_number
    from staging.eoir_custody_history as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'tbl_CustodyHistory')
        and s.idncustody in (select r.record_key from repeated_keys as r where r.table_name = 'tbl_CustodyHistory')
),

ranked as (
    select
        k.*,
        row_number() over (
            partition by k.table_name, k.record_key order by k.source_file_id desc, k.line_number desc
        ) as position
    from keyed as k
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

-- Only when fct_charge took fewer charges than the release's distinct IDNPRCDCHGs (its staged lines
-- less the repeated ones recorded above) did lines fold into others.
by_key as (
    select distinct on (c.idnprcdchg) c.*
    from staging.eoir_charge as c join release_files using (source_file_id)
    where (select count(*) from staging.eoir_charge as s join release_files using (source_file_id))
        - (select count(*) from etl.dedup_decision as d
            where d.release_key = :release_key and d.table_name = 'B_TblProceedCharges')
        > (select count(*) from incoming_charge)
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
    -- The line fct_charge kept for this release: its incoming row.
    left join incoming_charge as kept on kept.charge_id = b.idnprcdchg
    window same_charge as (
        partition by b.idnproceeding, b.idncase, b.charge, b.chg_status
        order by kept.charge_id is null, b.idnprcdchg
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
