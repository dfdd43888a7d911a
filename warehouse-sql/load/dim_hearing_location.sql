-- dim_hearing_location: hearing locations from tblLookupHloc (whose key is not unique: the last
-- row wins), plus inferred members for codes used in the data. Grain: one row per location code.
insert into warehouse.dim_hearing_location (
    hearing_loc_code, name, city, state, base_city_code, is_mpp_location, is_inferred
)
with lookup as (
    select distinct on (h.hearing_loc_code)
        h.hearing_loc_code,
        h.hearing_loc_name as name,
        h.hearing_city as city,
        h.hearing_state as state,
        h.hearing_base_city as base_city_code
    from staging.eoir_hearing_location as h
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by h.hearing_loc_code, h.line_number desc
)

select
    hearing_loc_code,
    name,
    city,
    state,
    base_city_code,
    hearing_loc_code in ('SYP', 'OPP', 'CIX', 'ENP', 'MPL', 'MPB', 'TUM') as is_mpp_location,
    false as is_inferred
from lookup
on conflict (hearing_loc_code) do update
set name = excluded.name,
    city = excluded.city,
    state = excluded.state,
    base_city_code = excluded.base_city_code,
    is_inferred = false
where (dim_hearing_location.name, dim_hearing_location.city, dim_hearing_location.state,
        dim_hearing_location.base_city_code)
    is distinct from (excluded.name, excluded.city, excluded.state, excluded.base_city_code)
    or dim_hearing_location.is_inferred;

insert into warehouse.dim_hearing_location (hearing_loc_code, name, is_mpp_location, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'hearing_location'
)

select distinct on (code)
    code,
    'Inferred from ' || source_table as name,
    code in ('SYP', 'OPP', 'CIX', 'ENP', 'MPL', 'MPB', 'TUM') as is_mpp_location,
    true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (hearing_loc_code) do nothing;
