-- A fiscal-year total of the edition equals the sum of its months within DHS's rounding: each cell is
-- rounded to the nearest ten, so the total and each month may each be off by 5. Returns the totals off
-- by more than 5 x (reported months + 1); totals whose months are withheld or not available are skipped.
-- severity: warn
-- threshold: 0
with cells as (
    select * from warehouse.fct_border_statistic where edition_release_key = :release_key
),

months as (
    select
        warehouse.border_cell_key(
            table_name, fiscal_year, null, group_label, measure_label, citizenship_label
        ) as total_cell_key,
        sum(coalesce(value, 0)) as months_sum,
        count(*) filter (where value_status = 'reported') as reported_months,
        bool_and(value_status in ('reported', 'zero_dash', 'not_applicable')) as is_summable
    from cells
    where fiscal_month is not null
    group by table_name, fiscal_year, group_label, measure_label, citizenship_label
)

select
    t.table_name, t.fiscal_year, t.group_label, t.measure_label, t.citizenship_label, t.cell_reference,
    t.value as total, m.months_sum, m.reported_months, t.value - m.months_sum as difference
from cells as t
join months as m on m.total_cell_key = t.cell_key
where t.fiscal_month is null
    and t.value_status = 'reported'
    and m.is_summable
    and abs(t.value - m.months_sum) > 5 * (m.reported_months + 1)
