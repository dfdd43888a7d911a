-- dim_language: EOIR language codes from tblLanguage, plus inferred members for codes used in the
-- data but missing from the lookup. Grain: one row per code.
insert into warehouse.dim_language (eoir_code, name, is_inferred)
with lookup as (
    select distinct on (l.code)
        l.code,
        l.name
    from staging.eoir_language as l
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by l.code, l.line_number desc
)

select code, name, false as is_inferred
from lookup
on conflict (eoir_code) do update
set name = excluded.name,
    is_inferred = false
where dim_language.name is distinct from excluded.name
    or dim_language.is_inferred;

insert into warehouse.dim_language (eoir_code, name, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'language'
)

select distinct on (code) code, 'Inferred from ' || source_table as name, true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (eoir_code) do nothing;
