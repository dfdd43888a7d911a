-- IDNSCHEDULE (schedule_id), the natural key of a scheduled hearing, is unique and not null: one fact
-- row per key, however the table is stored (its primary key enforces this only while the table is not
-- partitioned). Returns the offending keys among the rows the release changed, with their fact rows;
-- empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select schedule_id from warehouse.fct_hearing where release_key = :release_key
)

select f.schedule_id, count(*) as fact_rows
from warehouse.fct_hearing as f
where f.schedule_id in (select schedule_id from changed)
group by f.schedule_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_hearing
where release_key = :release_key and schedule_id is null
having count(*) > 0
