-- Every dimension key of an encounter row of the file resolves to a dimension row.
-- Returns the offending rows, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with loaded as (
    select * from warehouse.fct_encounter where release_key = :release_key
)

select e.encounter_id, 'nationality_key' as key_column, e.nationality_key as key_value
from loaded as e left join warehouse.dim_nationality as d on d.nationality_key = e.nationality_key
where d.nationality_key is null
union all
select e.encounter_id, 'date_key', e.date_key
from loaded as e left join warehouse.dim_date as d on d.date_key = e.date_key
where d.date_key is null
union all
select e.encounter_id, 'release_key', e.release_key
from loaded as e left join warehouse.dim_release as r on r.release_key = e.release_key
where r.release_key is null
