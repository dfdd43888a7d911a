-- IDNCASE (case_id), the natural key of a case, is unique and not null: one fact row per key. The
-- database refuses a second row and a null key while the key has a unique index of its own, checked at
-- once, and is declared not null (the primary key); the check then reads no fact row. Without them (a
-- table partitioned by release, say) it returns the offending keys among the rows the release changed,
-- with their fact rows. Empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select case_id from warehouse.fct_case
    where release_key = :release_key
        and not warehouse.natural_key_enforced('warehouse.fct_case', 'case_id')
)

select f.case_id, count(*) as fact_rows
from warehouse.fct_case as f
where f.case_id in (select case_id from changed)
    and not warehouse.natural_key_enforced('warehouse.fct_case', 'case_id')
group by f.case_id
having count(*) > 1
union all
select null, count(*)
from warehouse.fct_case
where release_key = :release_key and case_id is null
    and not warehouse.natural_key_enforced('warehouse.fct_case', 'case_id')
having count(*) > 0
