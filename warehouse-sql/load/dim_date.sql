-- dim_date: adds the dates of the release that lie outside the seeded calendar.
-- Grain: one row per date.
insert into warehouse.dim_date (
    date_key, full_date, calendar_year, calendar_month, fiscal_year, fiscal_month, fiscal_quarter
)
with staged_dates as (
    select distinct day as d from used_code where dimension = 'date'
)

select
    warehouse.date_key(d) as date_key,
    d as full_date,
    extract(year from d)::int as calendar_year,
    extract(month from d)::int as calendar_month,
    extract(year from d + interval '3 months')::int as fiscal_year,
    extract(month from d + interval '3 months')::int as fiscal_month,
    (extract(month from d + interval '3 months')::int + 2) / 3 as fiscal_quarter
from staged_dates
where d is not null
on conflict (date_key) do nothing;
