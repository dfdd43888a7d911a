-- IDNPROCEEDING (proceeding_id), the natural key of a proceeding, is unique and not null: one fact row
-- per key. The database refuses a second row and a null key while the key has a unique index of its
-- own, checked at once, and is declared not null (the primary key); the check then reads no fact row.
-- Without them (a table partitioned by release, say) it returns the offending keys among the rows the
-- release changed, with their fact rows. Empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select proceeding_id from warehouse.fct_proceeding
    where release_key = :release_key
        and not warehouse.natural_key_enforced('warehouse.fct_proceeding', 'proceeding_id')
)

select f.proceeding_id, count(*) as fact_rows
from warehouse.fct_proceeding as f
where f.proceeding_id in (select proceeding_id from changed)
    and not warehouse.natural_key_enforced('warehouse.fct_proceeding', 'proceeding_id')
group by f.proceeding_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_proceeding
where release_key = :release_key and proceeding_id is null
    and not warehouse.natural_key_enforced('warehouse.fct_proceeding', 'proceeding_id')
having count(*) > 0
