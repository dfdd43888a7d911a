-- IDNPRCDCHG (charge_id, of the line kept), the natural key of a charge, is unique and not null: one
-- fact row per key, however the table is stored (its primary key enforces this only while the table is
-- not partitioned). Returns the offending keys among the rows the release changed, with their fact
-- rows; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select charge_id from warehouse.fct_charge where release_key = :release_key
)

select f.charge_id, count(*) as fact_rows
from warehouse.fct_charge as f
where f.charge_id in (select charge_id from changed)
group by f.charge_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_charge
where release_key = :release_key and charge_id is null
having count(*) > 0
