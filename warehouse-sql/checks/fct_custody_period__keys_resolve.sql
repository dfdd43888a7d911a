-- Every dimension key of a custody history entry changed by the release resolves to a dimension row.
-- Returns the offending entries, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_custody_period where release_key = :release_key
)

select c.custody_history_id, 'custody_key' as key_column, c.custody_key as key_value
from changed as c left join warehouse.dim_custody as d on d.custody_key = c.custody_key
where d.custody_key is null
union all
select c.custody_history_id, 'date_keys', c.detained_date_key::bigint
from changed as c
left join warehouse.dim_date as detained on detained.date_key = c.detained_date_key
left join warehouse.dim_date as released on released.date_key = c.released_date_key
where detained.date_key is null or released.date_key is null
