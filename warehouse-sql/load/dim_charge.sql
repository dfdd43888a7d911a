-- dim_charge: charge codes (INA cites) from tbllookupCharges, plus inferred members for charges used
-- in B_TblProceedCharges but missing from the lookup. Grain: one row per charge code.
insert into warehouse.dim_charge (charge_code, description, is_criminal, is_inferred)
with lookup as (
    select distinct on (c.code)
        c.code,
        c.description,
        case
            when c.criminal_flag in ('Y', '1', 'TRUE') then true
            when c.criminal_flag in ('N', '0', 'FALSE') then false
        end as is_criminal
    from staging.eoir_charge_code as c
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by c.code, c.line_number desc
)

select code, description, is_criminal, false as is_inferred
from lookup
on conflict (charge_code) do update
set description = excluded.description,
    is_criminal = excluded.is_criminal,
    is_inferred = false
where (dim_charge.description, dim_charge.is_criminal)
    is distinct from (excluded.description, excluded.is_criminal)
    or dim_charge.is_inferred;

insert into warehouse.dim_charge (charge_code, description, is_inferred)
select distinct
    code,
    'Inferred from B_TblProceedCharges' as description,
    true as is_inferred
from used_code
where dimension = 'charge'
on conflict (charge_code) do nothing;
