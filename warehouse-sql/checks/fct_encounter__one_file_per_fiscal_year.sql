-- A fiscal year of CBP encounters comes from one file: two files' rows in the same year would
-- count its encounters twice. Returns the offending years the release loaded; empty = pass.
-- severity: error
-- threshold: 0
select fiscal_year, count(distinct release_key) as files
from warehouse.fct_encounter
where fiscal_year in (select fiscal_year from warehouse.fct_encounter where release_key = :release_key)
group by fiscal_year
having count(distinct release_key) > 1
