-- IDNPRCDCHG (charge_id, of the line kept), the natural key of a charge, is unique and not null: one
-- fact row per key. The database refuses a second row and a null key while the key has a unique index
-- of its own, checked at once, and is declared not null (the primary key); the check then reads no fact
-- row. Without them (a table partitioned by release, say) it returns the offending keys among the rows
-- the release changed, with their fact rows. Empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select charge_id from warehouse.fct_charge
    where release_key = :release_key
        and not warehouse.natural_key_enforced('warehouse.fct_charge', 'charge_id')
)

select f.charge_id, count(*) as fact_rows
from warehouse.fct_charge as f
where f.charge_id in (select charge_id from changed)
    and not warehouse.natural_key_enforced('warehouse.fct_charge', 'charge_id')
group by f.charge_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_charge
where release_key = :release_key and charge_id is null
    and not warehouse.natural_key_enforced('warehouse.fct_charge', 'charge_id')
having count(*) > 0
