-- IDNPROCEEDING (proceeding_id), the natural key of a proceeding, is unique and not null: one fact row
-- per key, however the table is stored (its primary key enforces this only while the table is not
-- partitioned). Returns the offending keys among the rows the release changed, with their fact rows;
-- empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select proceeding_id from warehouse.fct_proceeding where release_key = :release_key
)

select f.proceeding_id, count(*) as fact_rows
from warehouse.fct_proceeding as f
where f.proceeding_id in (select proceeding_id from changed)
group by f.proceeding_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_proceeding
where release_key = :release_key and proceeding_id is null
having count(*) > 0
