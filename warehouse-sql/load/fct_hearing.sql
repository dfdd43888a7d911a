-- fct_hearing: one row per scheduled hearing (IDNSCHEDULE) of the release, diffed against the
-- warehouse by key and row hash: new keys inserted, changed rows updated in place, absent keys
-- soft-deleted. A key on several lines keeps its last line (etl.dedup_decision records the others).

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_schedule_id null), rows the release changed or revives, and the keys a full snapshot
-- carrying the table no longer holds (schedule_id null, known_schedule_id the fact's key). The rows it leaves
-- as they are (most of a release after the first) are not written.
create temporary table incoming_hearing on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select s.*
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where not s.replaced_by_later_line
),

resolved as (
    select
        s.idnschedule as schedule_id,
        s.idnproceeding as proceeding_id,
        s.idncase as case_id,
        warehouse.date_key(s.adj_date) as hearing_date_key,
        coalesce(hl.hearing_location_key, -1) as hearing_location_key,
        coalesce(co.court_key, -1) as court_key,
        coalesce(j.judge_key, -1) as judge_key,
        coalesce(l.language_key, -1) as language_key,
        s.cal_type as calendar_type,
        s.schedule_type,
        s.adj_rsn as adjournment_reason_code,
        coalesce(ar.adjournment_reason_key, -1) as adjournment_reason_key,
        s.adj_medium as hearing_medium,
        s.adj_medium_raw as hearing_medium_raw
    from staged as s
    left join warehouse.dim_hearing_location as hl on hl.hearing_loc_code = s.hearing_loc_code
    left join warehouse.dim_court as co on co.base_city_code = s.base_city_code
    -- The judge's version at the time of the event: the decision, or the hearing date; the current
    -- one while it is still to come.
    left join staging.int_judge_version as j
        on j.release_key = :release_key
        and j.judge_code = s.ij_code
        and coalesce(s.adj_date, date 'infinity') >= j.effective_from
        and (j.is_current or coalesce(s.adj_date, date 'infinity') < j.valid_to)
    left join warehouse.dim_language as l on l.eoir_code = s.lang
    left join warehouse.dim_adjournment_reason as ar on ar.adjournment_code = s.adj_rsn
),

hashed as (
    select
        r.*,
        hash_record_extended(row(
            r.proceeding_id, r.case_id, r.hearing_date_key, r.hearing_location_key, r.court_key, r.judge_key,
            r.language_key, r.calendar_type, r.schedule_type, r.adjournment_reason_code, r.adjournment_reason_key,
            r.hearing_medium, r.hearing_medium_raw
        ), 0) as row_hash
    from resolved as r
)

select
    h.*,
    :release_key as first_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.schedule_id as known_schedule_id
from hashed as h
full join warehouse.fct_hearing as f on f.schedule_id = h.schedule_id
where f.schedule_id is null
    or (
        h.schedule_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.schedule_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'tbl_schedule'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them; the others are left as they are.
update warehouse.fct_hearing as f
set proceeding_id = i.proceeding_id,
    case_id = i.case_id,
    hearing_date_key = i.hearing_date_key,
    hearing_location_key = i.hearing_location_key,
    court_key = i.court_key,
    judge_key = i.judge_key,
    language_key = i.language_key,
    calendar_type = i.calendar_type,
    schedule_type = i.schedule_type,
    adjournment_reason_code = i.adjournment_reason_code,
    adjournment_reason_key = i.adjournment_reason_key,
    hearing_medium = i.hearing_medium,
    hearing_medium_raw = i.hearing_medium_raw,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_hearing as i
where i.known_schedule_id is not null and f.schedule_id = i.schedule_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_hearing');

insert into warehouse.fct_hearing (
    schedule_id, proceeding_id, case_id, hearing_date_key, hearing_location_key, court_key, judge_key,
    language_key, calendar_type, schedule_type, adjournment_reason_code, adjournment_reason_key,
    hearing_medium, hearing_medium_raw,
    first_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.schedule_id, i.proceeding_id, i.case_id, i.hearing_date_key, i.hearing_location_key,
    i.court_key, i.judge_key, i.language_key, i.calendar_type, i.schedule_type,
    i.adjournment_reason_code, i.adjournment_reason_key, i.hearing_medium, i.hearing_medium_raw,
    i.first_seen_release_key, i.deleted_in_release_key, i.release_key,
    i.row_hash
from incoming_hearing as i
where i.known_schedule_id is null;

call warehouse.restore_indexes('warehouse.fct_hearing');


-- A full snapshot that carries tbl_schedule soft-deletes the hearings it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_hearing', 'schedule_id', 'tbl_schedule', :release_key, 'incoming_hearing'
);
