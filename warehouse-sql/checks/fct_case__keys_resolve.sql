-- Every dimension key of a case changed by the release resolves to a dimension row.
-- Returns the offending cases, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_case where release_key = :release_key
)

select c.case_id, 'nationality_key' as key_column, c.nationality_key as key_value
from changed as c left join warehouse.dim_nationality as d on d.nationality_key = c.nationality_key
where d.nationality_key is null
union all
select c.case_id, 'language_key', c.language_key
from changed as c left join warehouse.dim_language as d on d.language_key = c.language_key
where d.language_key is null
union all
select c.case_id, 'custody_key', c.custody_key
from changed as c left join warehouse.dim_custody as d on d.custody_key = c.custody_key
where d.custody_key is null
union all
select c.case_id, 'case_type_key', c.case_type_key
from changed as c left join warehouse.dim_case_type as d on d.case_type_key = c.case_type_key
where d.case_type_key is null
union all
select c.case_id, 'court_key', c.court_key
from changed as c left join warehouse.dim_court as d on d.court_key = c.court_key
where d.court_key is null
union all
select c.case_id, 'mpp_hearing_location_key', c.mpp_hearing_location_key
from changed as c
left join warehouse.dim_hearing_location as d on d.hearing_location_key = c.mpp_hearing_location_key
where d.hearing_location_key is null
union all
select c.case_id, 'date_of_entry_key', c.date_of_entry_key
from changed as c left join warehouse.dim_date as d on d.date_key = c.date_of_entry_key
where d.date_key is null
union all
select c.case_id, 'release keys', c.release_key
from changed as c
where not exists (select 1 from warehouse.dim_release as r where r.release_key = c.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = c.first_seen_release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = c.last_seen_release_key)
    or (c.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = c.deleted_in_release_key))
