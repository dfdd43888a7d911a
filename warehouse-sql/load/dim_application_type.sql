-- dim_application_type: kinds of relief application from tblLookUp_Appln, plus inferred members for
-- codes used in tbl_Court_Appln but missing from the lookup. Codes are case-sensitive (212c, 212L).
-- Grain: one row per application code.
insert into warehouse.dim_application_type (application_code, description, is_asylum, is_inferred)
with lookup as (
    select distinct on (t.code)
        t.code,
        t.description
    from staging.eoir_application_type as t
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by t.code, t.line_number desc
)

select code, description, code in ('ASYL', 'ASYW') as is_asylum, false as is_inferred
from lookup
on conflict (application_code) do update
set description = excluded.description,
    is_inferred = false
where dim_application_type.description is distinct from excluded.description
    or dim_application_type.is_inferred;

insert into warehouse.dim_application_type (application_code, description, is_asylum, is_inferred)
select distinct
    code,
    'Inferred from tbl_Court_Appln' as description,
    code in ('ASYL', 'ASYW') as is_asylum,
    true as is_inferred
from used_code
where dimension = 'application_type'
on conflict (application_code) do nothing;
