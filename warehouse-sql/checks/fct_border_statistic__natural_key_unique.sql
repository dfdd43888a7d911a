-- An OHSS cell (cell_key: table, fiscal year, month, group, measure, citizenship) appears once in the
-- edition, and exactly one edition's value of it is latest. Returns the offending cells of the edition, with
-- their fact rows; empty = pass.
-- severity: error
-- threshold: 0
with edition_cells as (
    select distinct cell_key from warehouse.fct_border_statistic where edition_release_key = :release_key
)

select b.cell_key, 'in the edition' as scope, count(*) as fact_rows
from warehouse.fct_border_statistic as b
where b.edition_release_key = :release_key
group by b.cell_key
having count(*) > 1
union all
select e.cell_key, 'latest', coalesce(l.fact_rows, 0)
from edition_cells as e
left join (
    select b.cell_key, count(*) as fact_rows
    from warehouse.fct_border_statistic as b
    join edition_cells using (cell_key)
    where b.is_latest_edition
    group by b.cell_key
) as l using (cell_key)
where coalesce(l.fact_rows, 0) <> 1
