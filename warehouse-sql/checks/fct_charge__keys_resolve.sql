-- Every dimension key of a charge changed by the release resolves to a dimension row.
-- Returns the offending charges, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_charge where release_key = :release_key
)

select c.charge_id, 'charge_key' as key_column, c.charge_key as key_value
from changed as c left join warehouse.dim_charge as d on d.charge_key = c.charge_key
where d.charge_key is null
union all
select c.charge_id, 'release keys', c.release_key
from changed as c
where not exists (select 1 from warehouse.dim_release as r where r.release_key = c.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = c.first_seen_release_key)
    or (c.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = c.deleted_in_release_key))
