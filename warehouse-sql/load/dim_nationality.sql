-- dim_nationality: EOIR nationality codes from tblLookupAlienNat (preferred) or tblLookupNationality,
-- plus inferred members for codes used in the data but missing from the lookup. Grain: one row per code.
insert into warehouse.dim_nationality (eoir_code, name, is_inferred)
with lookup as (
    select distinct on (n.code)
        n.code,
        n.name
    from staging.eoir_nationality as n
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by n.code, (lower(f.file_name) like 'tbllookupaliennat%') desc, n.line_number desc
)

select code, name, false as is_inferred
from lookup
on conflict (eoir_code) do update
set name = excluded.name,
    is_inferred = false
where dim_nationality.name is distinct from excluded.name
    or dim_nationality.is_inferred;

insert into warehouse.dim_nationality (eoir_code, name, is_inferred)
with used as (
    select code, source_table from used_code where dimension = 'nationality'
)

select distinct on (code) code, 'Inferred from ' || source_table as name, true as is_inferred
from used
where code is not null
order by code, source_table
on conflict (eoir_code) do nothing;

-- Nationalities the citizenship crosswalk names that no EOIR release has named yet: inferred members,
-- described as every inferred member is (Inferred from <source>) with the crosswalk's country name, that
-- the EOIR lookup upgrades when it arrives. All of them, so that a label the crosswalk learns resolves in
-- facts loaded before.
insert into warehouse.dim_nationality (eoir_code, name, iso_alpha2, is_inferred)
select distinct on (x.eoir_code)
    x.eoir_code,
    'Inferred from citizenship_crosswalk (' || x.country_name || ')',
    x.iso_alpha2,
    true as is_inferred
from warehouse.citizenship_crosswalk as x
where x.eoir_code is not null
order by x.eoir_code, x.source
on conflict (eoir_code) do nothing;

-- The CBP and OHSS labels and the ISO code the crosswalk gives each nationality.
update warehouse.dim_nationality as n
set cbp_label = x.cbp_label,
    ohss_label = x.ohss_label,
    iso_alpha2 = coalesce(x.iso_alpha2, n.iso_alpha2)
from (
    select
        eoir_code,
        min(label) filter (where source = 'cbp') as cbp_label,
        min(label) filter (where source = 'ohss') as ohss_label,
        min(iso_alpha2) as iso_alpha2
    from warehouse.citizenship_crosswalk
    where eoir_code is not null
    group by eoir_code
) as x
where x.eoir_code = n.eoir_code
    and (n.cbp_label, n.ohss_label, n.iso_alpha2)
    is distinct from (x.cbp_label, x.ohss_label, coalesce(x.iso_alpha2, n.iso_alpha2));
