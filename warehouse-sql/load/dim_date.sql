-- dim_date: adds the dates of the release that lie outside the seeded calendar.
-- Grain: one row per date.
insert into warehouse.dim_date (
    date_key, full_date, calendar_year, calendar_month, fiscal_year, fiscal_month, fiscal_quarter
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged_dates as (
    select c.date_of_entry as d from staging.eoir_case as c join release_files using (source_file_id)
    union
    select c.e_28_date from staging.eoir_case as c join release_files using (source_file_id)
    union
    select p.osc_date from staging.eoir_proceeding as p join release_files using (source_file_id)
    union
    select p.input_date from staging.eoir_proceeding as p join release_files using (source_file_id)
    union
    select p.comp_date from staging.eoir_proceeding as p join release_files using (source_file_id)
    union
    select s.adj_date from staging.eoir_schedule as s join release_files using (source_file_id)
    union
    select a.appl_recd_date from staging.eoir_application as a join release_files using (source_file_id)
    union
    select h.datdetained from staging.eoir_custody_history as h join release_files using (source_file_id)
    union
    select h.datreleased from staging.eoir_custody_history as h join release_files using (source_file_id)
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
