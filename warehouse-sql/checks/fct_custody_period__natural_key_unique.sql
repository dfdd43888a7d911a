-- IDNCUSTODY (custody_history_id), the natural key of a custody history entry, is unique and not null:
-- one fact row per key, however the table is stored (its primary key enforces this only while the
-- table is not partitioned). Returns the offending keys among the rows the release changed, with their
-- fact rows; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select custody_history_id from warehouse.fct_custody_period where release_key = :release_key
)

select f.custody_history_id, count(*) as fact_rows
from warehouse.fct_custody_period as f
where f.custody_history_id in (select custody_history_id from changed)
group by f.custody_history_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_custody_period
where release_key = :release_key and custody_history_id is null
having count(*) > 0
