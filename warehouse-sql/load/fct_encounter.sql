-- fct_encounter: the rows of the staged CBP file, one per file row. A CBP file is a rolling window:
-- each fiscal year it covers is replaced by its rows (never added to), unless a file covering a later
-- month already holds that year. Years the file does not cover keep their rows.
create temporary table cbp_years_taken (fiscal_year int primary key) on commit drop;

insert into cbp_years_taken (fiscal_year)
with covered as (
    select distinct e.fiscal_year
    from staging.cbp_encounter as e
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
),

holders as (
    select distinct e.fiscal_year, r.as_of_date
    from warehouse.fct_encounter as e
    join warehouse.dim_release as r using (release_key)
    where e.release_key <> :release_key
)

select c.fiscal_year
from covered as c
where not exists (
    select 1 from holders as h where h.fiscal_year = c.fiscal_year and h.as_of_date > :as_of_date
);

delete from warehouse.fct_encounter as e
using cbp_years_taken as t
where e.fiscal_year = t.fiscal_year;

insert into warehouse.fct_encounter (
    fiscal_year, fiscal_month, date_key, component, land_border_region, area_of_responsibility, aor_abbv,
    state, demographic, citizenship_label, nationality_key, title_of_authority, encounter_type,
    encounter_count, release_key, source_file_id, line_number
)
with staged as (
    select e.*
    from staging.cbp_encounter as e
    join etl.source_file as f using (source_file_id)
    join cbp_years_taken as t using (fiscal_year)
    where f.release_key = :release_key
)

select
    s.fiscal_year,
    s.fiscal_month,
    warehouse.date_key(s.month_start) as date_key,
    s.component,
    s.land_border_region,
    s.area_of_responsibility,
    s.aor_abbv,
    s.state,
    s.demographic,
    s.citizenship_label,
    coalesce(n.nationality_key, -1) as nationality_key,
    s.title_of_authority,
    s.encounter_type,
    s.encounter_count,
    :release_key as release_key,
    s.source_file_id,
    s.line_number
from staged as s
left join warehouse.citizenship_crosswalk as x
    on x.source = 'cbp' and lower(x.label) = lower(s.citizenship_label)
left join warehouse.dim_nationality as n on n.eoir_code = x.eoir_code;
