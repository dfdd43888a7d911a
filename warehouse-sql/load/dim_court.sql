-- dim_court: immigration courts from tblLookupBaseCity, plus inferred members for base city codes
-- used in the data but missing from the lookup. Grain: one row per base city code.
insert into warehouse.dim_court (base_city_code, court_name, city, state, is_inferred)
with lookup as (
    select distinct on (b.base_city_code)
        b.base_city_code,
        b.base_city_name as court_name,
        b.base_city as city,
        b.base_state as state
    from staging.eoir_base_city as b
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by b.base_city_code, b.line_number desc
)

select base_city_code, court_name, city, state, false as is_inferred
from lookup
on conflict (base_city_code) do update
set court_name = excluded.court_name,
    city = excluded.city,
    state = excluded.state,
    is_inferred = false
where (dim_court.court_name, dim_court.city, dim_court.state)
    is distinct from (excluded.court_name, excluded.city, excluded.state)
    or dim_court.is_inferred;

insert into warehouse.dim_court (base_city_code, court_name, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'court'
)

select distinct on (code) code, 'Inferred from ' || source_table as court_name, true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (base_city_code) do nothing;
