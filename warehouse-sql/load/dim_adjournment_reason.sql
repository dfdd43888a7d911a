-- dim_adjournment_reason: adjournment codes from tblAdjournmentcodes, plus inferred members for codes
-- used in tbl_schedule but missing from the lookup. Grain: one row per adjournment code.
insert into warehouse.dim_adjournment_reason (adjournment_code, description, is_inferred)
with lookup as (
    select distinct on (r.code)
        r.code,
        r.description
    from staging.eoir_adjournment_reason as r
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by r.code, r.line_number desc
)

select code, description, false as is_inferred
from lookup
on conflict (adjournment_code) do update
set description = excluded.description,
    is_inferred = false
where dim_adjournment_reason.description is distinct from excluded.description
    or dim_adjournment_reason.is_inferred;

insert into warehouse.dim_adjournment_reason (adjournment_code, description, is_inferred)
select distinct
    code,
    'Inferred from tbl_schedule' as description,
    true as is_inferred
from used_code
where dimension = 'adjournment_reason'
on conflict (adjournment_code) do nothing;
