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
union all
select c.custody_history_id, 'release keys', c.release_key
from changed as c
where not exists (select 1 from warehouse.dim_release as r where r.release_key = c.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = c.first_seen_release_key)
    or (c.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = c.deleted_in_release_key))
