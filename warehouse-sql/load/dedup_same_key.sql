-- dedup_same_key: records, before the facts read the release, every line whose key a later line of
-- the same table repeats. Rule same_key_last_line_wins: a key on several lines keeps its last line (by
-- file, then line number); the lines recorded here are marked as staged (replaced_by_later_line) and the
-- facts leave them out, so that they read each key once without sorting the release's rows to find its
-- last line.
-- Grain: one row per dropped line.
delete from etl.dedup_decision where release_key = :release_key;

insert into etl.dedup_decision (
    release_key, table_name, rule, kept_record_key, kept_source_file_id, kept_line_number,
    dropped_record_key, dropped_source_file_id, dropped_line_number
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

-- The tables the release delivered as one file whose staged rows were found, as they were staged, to
-- hold each key once (etl.source_file.keys_distinct): their keys are not counted again.
distinct_tables as materialized (
    select table_name
    from etl.source_file
    where release_key = :release_key and table_name is not null
    group by table_name
    having count(*) = 1 and bool_and(coalesce(keys_distinct, false))
),

-- Keys on more than one line, per table: a hash aggregate each, and none at all for a table whose
-- staged lines hold as many distinct keys (a count of the keys alone, no sort of whole rows, and not
-- even that for a table of distinct_tables), as in most releases.
repeated_keys as (
    select 'A_TblCase' as table_name, s.idncase as record_key
    from staging.eoir_case as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idncase)
        from staging.eoir_case as c join release_files using (source_file_id)
        where 'A_TblCase' not in (select table_name from distinct_tables))
    group by s.idncase
    having count(*) > 1
    union all
    select 'B_TblProceeding', s.idnproceeding
    from staging.eoir_proceeding as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idnproceeding)
        from staging.eoir_proceeding as c join release_files using (source_file_id)
        where 'B_TblProceeding' not in (select table_name from distinct_tables))
    group by s.idnproceeding
    having count(*) > 1
    union all
    select 'tbl_schedule', s.idnschedule
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idnschedule)
        from staging.eoir_schedule as c join release_files using (source_file_id)
        where 'tbl_schedule' not in (select table_name from distinct_tables))
    group by s.idnschedule
    having count(*) > 1
    union all
    select 'tbl_Court_Appln', s.idnproceedingappln
    from staging.eoir_application as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idnproceedingappln)
        from staging.eoir_application as c join release_files using (source_file_id)
        where 'tbl_Court_Appln' not in (select table_name from distinct_tables))
    group by s.idnproceedingappln
    having count(*) > 1
    union all
    select 'B_TblProceedCharges', s.idnprcdchg
    from staging.eoir_charge as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idnprcdchg)
        from staging.eoir_charge as c join release_files using (source_file_id)
        where 'B_TblProceedCharges' not in (select table_name from distinct_tables))
    group by s.idnprcdchg
    having count(*) > 1
    union all
    select 'tbl_CustodyHistory', s.idncustody
    from staging.eoir_custody_history as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idncustody)
        from staging.eoir_custody_history as c join release_files using (source_file_id)
        where 'tbl_CustodyHistory' not in (select table_name from distinct_tables))
    group by s.idncustody
    having count(*) > 1
    union all
    select 'tbl_RepsAssigned', s.idnrepsassigned
    from staging.eoir_reps_assigned as s join release_files using (source_file_id)
    where (select count(*) <> count(distinct c.idnrepsassigned)
        from staging.eoir_reps_assigned as c join release_files using (source_file_id)
        where 'tbl_RepsAssigned' not in (select table_name from distinct_tables))
    group by s.idnrepsassigned
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
    union all
    select 'tbl_RepsAssigned', s.idnrepsassigned, s.source_file_id, s.line_number
    from staging.eoir_reps_assigned as s join release_files using (source_file_id)
    where exists (select from repeated_keys as r where r.table_name = 'tbl_RepsAssigned')
        and s.idnrepsassigned in (select r.record_key from repeated_keys as r where r.table_name = 'tbl_RepsAssigned')
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

-- The staged lines carry the decisions, so that the facts need no lookup of each row in etl.dedup_decision.
call staging.mark_replaced_lines(:release_key);
