-- dim_case_type: case types from tblLookupCaseType, plus inferred members for codes used in the
-- data but missing from the lookup. Grain: one row per case type code.
insert into warehouse.dim_case_type (case_type_code, description, is_inferred)
with lookup as (
    select distinct on (t.code)
        t.code,
        t.description
    from staging.eoir_case_type as t
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by t.code, t.line_number desc
)

select code, description, false as is_inferred
from lookup
on conflict (case_type_code) do update
set description = excluded.description,
    is_inferred = false
where dim_case_type.description is distinct from excluded.description
    or dim_case_type.is_inferred;

insert into warehouse.dim_case_type (case_type_code, description, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'case_type'
)

select distinct on (code) code, 'Inferred from ' || source_table as description, true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (case_type_code) do nothing;
