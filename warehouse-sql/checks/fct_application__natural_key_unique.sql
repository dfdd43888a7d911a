-- IDNPROCEEDINGAPPLN (application_id), the natural key of a relief application, is unique and not
-- null: one fact row per key, however the table is stored (its primary key enforces this only while
-- the table is not partitioned). Returns the offending keys among the rows the release changed, with
-- their fact rows; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select application_id from warehouse.fct_application where release_key = :release_key
)

select f.application_id, count(*) as fact_rows
from warehouse.fct_application as f
where f.application_id in (select application_id from changed)
group by f.application_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_application
where release_key = :release_key and application_id is null
having count(*) > 0
