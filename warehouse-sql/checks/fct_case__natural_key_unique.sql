-- IDNCASE (case_id), the natural key of a case, is unique and not null: one fact row per key, however
-- the table is stored (its primary key enforces this only while the table is not partitioned). Returns
-- the offending keys among the rows the release changed, with their fact rows; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select case_id from warehouse.fct_case where release_key = :release_key
)

select f.case_id, count(*) as fact_rows
from warehouse.fct_case as f
where f.case_id in (select case_id from changed)
group by f.case_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_case
where release_key = :release_key and case_id is null
having count(*) > 0
