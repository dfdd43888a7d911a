-- Every charge changed by the release resolves to a dim_charge row.
-- Returns the offending charges; empty = pass.
-- severity: error
-- threshold: 0
select c.charge_id, 'charge_key' as key_column, c.charge_key as key_value
from warehouse.fct_charge as c
left join warehouse.dim_charge as d on d.charge_key = c.charge_key
where c.release_key = :release_key
    and d.charge_key is null
