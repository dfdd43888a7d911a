-- fct_encounter: the rows of the staged CBP file, one per file row. A CBP file is a rolling window:
-- each fiscal year it covers is replaced by its rows (never added to), unless a file covering a later
-- month already holds that year (of two covering the same month, one with components, the area of
-- responsibility layout, beats one without, the by-state layout, and of two of the same layout, the later
-- label, the file name: a copy republished under the same name is saved with a suffix that sorts after it).
-- The order of loading decides nothing, so a replay of a file never takes back what another holds.
-- Years it does not cover keep theirs.
-- What each year taken held before is recorded for the checks that hold back a file emptying one, or
-- leaving it without a land border region it held.
delete from staging.int_cbp_year_taken where release_key = :release_key;

insert into staging.int_cbp_year_taken (release_key, fiscal_year, rows_before, encounters_before, regions_before)
with staged as (
    select e.fiscal_year, e.component
    from staging.cbp_encounter as e
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
),

this_file as (
    select
        :as_of_date::date as as_of_date,
        coalesce(bool_or(component is not null), false) as has_components,
        (select release_label from warehouse.dim_release where release_key = :release_key) as release_label
    from staged
),

covered as (
    select distinct fiscal_year from staged
),

holders as (
    select e.fiscal_year, r.as_of_date, bool_or(e.component is not null) as has_components, r.release_label
    from warehouse.fct_encounter as e
    join warehouse.dim_release as r using (release_key)
    where e.release_key <> :release_key
        and e.fiscal_year in (select fiscal_year from covered)
    group by e.fiscal_year, r.release_key, r.as_of_date, r.release_label
)

select
    :release_key,
    c.fiscal_year,
    (select count(*) from warehouse.fct_encounter as e where e.fiscal_year = c.fiscal_year),
    (select coalesce(sum(e.encounter_count), 0) from warehouse.fct_encounter as e where e.fiscal_year = c.fiscal_year),
    array(
        select distinct e.land_border_region from warehouse.fct_encounter as e
        where e.fiscal_year = c.fiscal_year and e.land_border_region is not null
        order by e.land_border_region
    )
from covered as c
cross join this_file as t
where not exists (
    select 1
    from holders as h
    where h.fiscal_year = c.fiscal_year
        and (h.as_of_date, h.has_components, h.release_label) > (t.as_of_date, t.has_components, t.release_label)
);

delete from warehouse.fct_encounter as e
using staging.int_cbp_year_taken as t
where t.release_key = :release_key and e.fiscal_year = t.fiscal_year;

insert into warehouse.fct_encounter (
    fiscal_year, fiscal_month, date_key, component, land_border_region, area_of_responsibility, aor_abbv,
    state, demographic, citizenship_label, nationality_key, title_of_authority, encounter_type,
    encounter_count, release_key, source_file_id, line_number
)
with staged as (
    select e.*
    from staging.cbp_encounter as e
    join etl.source_file as f using (source_file_id)
    join staging.int_cbp_year_taken as t on t.release_key = f.release_key and t.fiscal_year = e.fiscal_year
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

-- Rows loaded are the rows the warehouse now holds from the file: those of a fiscal year a file covering
-- a later month holds were read, not loaded.
update etl.source_file as f
set rows_loaded = (select count(*) from warehouse.fct_encounter as e where e.source_file_id = f.source_file_id)
where f.release_key = :release_key;

-- Citizenships the crosswalk has learnt since their rows were loaded get their nationality.
update warehouse.fct_encounter as e
set nationality_key = n.nationality_key
from warehouse.citizenship_crosswalk as x
join warehouse.dim_nationality as n on n.eoir_code = x.eoir_code
where e.nationality_key = -1
    and e.citizenship_label is not null
    and x.source = 'cbp'
    and lower(x.label) = lower(e.citizenship_label);
