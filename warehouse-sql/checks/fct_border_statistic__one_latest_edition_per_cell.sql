-- Each cell the edition publishes has exactly one latest value across the editions.
-- Returns the offending cells with how many values are marked latest; empty = pass.
with edition_cells as (
    select cell_key, table_name, fiscal_year, fiscal_month, group_label, measure_label, citizenship_label
    from warehouse.fct_border_statistic
    where edition_release_key = :release_key
),

latest as (
    select cell_key, count(*) as latest_values
    from warehouse.fct_border_statistic
    where is_latest_edition and cell_key in (select cell_key from edition_cells)
    group by cell_key
)

select
    c.table_name, c.fiscal_year, c.fiscal_month, c.group_label, c.measure_label, c.citizenship_label,
    coalesce(l.latest_values, 0) as latest_values
from edition_cells as c
left join latest as l using (cell_key)
where coalesce(l.latest_values, 0) <> 1
