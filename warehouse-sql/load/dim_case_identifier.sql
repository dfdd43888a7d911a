-- dim_case_identifier: case identifier flags from tblLookUpCaseIdentifier, plus inferred members for
-- codes used in A_TblCaseIdentifier. Grain: one row per identifier code.
insert into warehouse.dim_case_identifier (case_identifier_code, description, is_mpp, is_inferred)
with lookup as (
    select distinct on (t.code)
        t.code,
        t.description
    from staging.eoir_case_identifier_type as t
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by t.code, t.line_number desc
)

select code, description, code in ('MP', 'RM') as is_mpp, false as is_inferred
from lookup
on conflict (case_identifier_code) do update
set description = excluded.description,
    is_inferred = false
where dim_case_identifier.description is distinct from excluded.description
    or dim_case_identifier.is_inferred;

insert into warehouse.dim_case_identifier (case_identifier_code, description, is_mpp, is_inferred)
select distinct
    code,
    'Inferred from A_TblCaseIdentifier' as description,
    code in ('MP', 'RM') as is_mpp,
    true as is_inferred
from used_code
where dimension = 'case_identifier'
on conflict (case_identifier_code) do nothing;
