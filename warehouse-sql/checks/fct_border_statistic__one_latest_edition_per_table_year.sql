-- Each table fiscal year the edition publishes takes its latest values (is_latest_table_year) from exactly
-- one edition.
-- Returns the offending table years with how many editions hold latest values; empty = pass.
-- severity: error
-- threshold: 0
with edition_years as (
    select distinct table_name, fiscal_year
    from warehouse.fct_border_statistic
    where edition_release_key = :release_key
),

latest as (
    select b.table_name, b.fiscal_year, count(distinct b.edition_release_key) as editions
    from warehouse.fct_border_statistic as b
    join edition_years using (table_name, fiscal_year)
    where b.is_latest_table_year
    group by b.table_name, b.fiscal_year
)

select y.table_name, y.fiscal_year, coalesce(l.editions, 0) as latest_editions
from edition_years as y
left join latest as l using (table_name, fiscal_year)
where coalesce(l.editions, 0) <> 1
