-- Every dimension key of a scheduled hearing changed by the release resolves to a dimension row.
-- Returns the offending hearings, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_hearing where release_key = :release_key
)

select h.schedule_id, 'hearing_date_key' as key_column, h.hearing_date_key::bigint as key_value
from changed as h left join warehouse.dim_date as d on d.date_key = h.hearing_date_key
where d.date_key is null
union all
select h.schedule_id, 'hearing_location_key', h.hearing_location_key
from changed as h left join warehouse.dim_hearing_location as d on d.hearing_location_key = h.hearing_location_key
where d.hearing_location_key is null
union all
select h.schedule_id, 'court_key', h.court_key
from changed as h left join warehouse.dim_court as d on d.court_key = h.court_key
where d.court_key is null
union all
select h.schedule_id, 'judge_key', h.judge_key
from changed as h left join warehouse.dim_judge as d on d.judge_key = h.judge_key
where d.judge_key is null
union all
select h.schedule_id, 'language_key', h.language_key
from changed as h left join warehouse.dim_language as d on d.language_key = h.language_key
where d.language_key is null
union all
select h.schedule_id, 'adjournment_reason_key', h.adjournment_reason_key
from changed as h left join warehouse.dim_adjournment_reason as d on d.adjournment_reason_key = h.adjournment_reason_key
where d.adjournment_reason_key is null
union all
select h.schedule_id, 'release keys', h.release_key
from changed as h
where not exists (select 1 from warehouse.dim_release as r where r.release_key = h.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = h.first_seen_release_key)
    or (h.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = h.deleted_in_release_key))
