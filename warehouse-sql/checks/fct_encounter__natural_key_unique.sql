-- A CBP encounter row's natural key (fiscal month, component, region, area, state, demographic,
-- citizenship, title, encounter type) is held once in the fiscal years the file loaded: a second row
-- would count its encounters twice. Returns the offending keys, with their fact rows and the files and
-- lines they came from; empty = pass.
-- severity: error
-- threshold: 0
select
    e.fiscal_year, e.fiscal_month, e.component, e.land_border_region, e.area_of_responsibility, e.aor_abbv,
    e.state, e.demographic, e.citizenship_label, e.title_of_authority, e.encounter_type,
    count(*) as fact_rows,
    string_agg(distinct f.path, ', ') as files,
    array_agg(e.line_number order by e.line_number) as lines
from warehouse.fct_encounter as e
left join etl.source_file as f using (source_file_id)
where e.fiscal_year in (select fiscal_year from warehouse.fct_encounter where release_key = :release_key)
group by
    e.fiscal_year, e.fiscal_month, e.component, e.land_border_region, e.area_of_responsibility, e.aor_abbv,
    e.state, e.demographic, e.citizenship_label, e.title_of_authority, e.encounter_type
having count(*) > 1
