-- A CBP encounter row's natural key (fiscal month, component, region, area, state, demographic,
-- citizenship, title, encounter type) is held once in the fiscal years the file loaded: a second row
-- would count its encounters twice. Returns the offending keys, with their fact rows; empty = pass.
-- severity: error
-- threshold: 0
select
    fiscal_year, fiscal_month, component, land_border_region, area_of_responsibility, aor_abbv, state,
    demographic, citizenship_label, title_of_authority, encounter_type, count(*) as fact_rows
from warehouse.fct_encounter
where fiscal_year in (select fiscal_year from warehouse.fct_encounter where release_key = :release_key)
group by
    fiscal_year, fiscal_month, component, land_border_region, area_of_responsibility, aor_abbv, state,
    demographic, citizenship_label, title_of_authority, encounter_type
having count(*) > 1
