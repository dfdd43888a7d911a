-- dim_custody: custody statuses from tblLookupCustodyStatus, plus inferred members for codes used
-- in the data but missing from the lookup. Grain: one row per custody code.
insert into warehouse.dim_custody (custody_code, description, is_inferred)
with lookup as (
    select distinct on (s.code)
        s.code,
        s.description
    from staging.eoir_custody_status as s
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by s.code, s.line_number desc
)

select code, description, false as is_inferred
from lookup
on conflict (custody_code) do update
set description = excluded.description,
    is_inferred = false
where dim_custody.description is distinct from excluded.description
    or dim_custody.is_inferred;

insert into warehouse.dim_custody (custody_code, description, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'custody'
)

select distinct on (code) code, 'Inferred from ' || source_table as description, true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (custody_code) do nothing;
