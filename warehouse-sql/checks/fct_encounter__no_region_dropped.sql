-- A CBP file replaces every fiscal year it covers with its own rows, whatever land border regions they
-- hold. A file that leaves a year it took over without a region the year held before (a Southwest Land
-- Border file, the subset CBP also publishes, delivered after a nationwide one) would take that
-- region's published encounters away: a nationwide file of a later month holds every region the year
-- had. Returns those years, with the regions before and the regions missing; empty = pass. A year
-- that held 10 rows or fewer before is not judged.
-- severity: error
-- threshold: 0
with judged as (
    select
        t.fiscal_year,
        t.regions_before,
        array(
            select r from unnest(t.regions_before) as r
            where not exists (
                select from warehouse.fct_encounter as e
                where e.fiscal_year = t.fiscal_year and e.land_border_region = r
            )
            order by r
        ) as regions_missing
    from staging.int_cbp_year_taken as t
    where t.release_key = :release_key
        and t.rows_before > 10
)

select fiscal_year, regions_before, regions_missing
from judged
where cardinality(regions_missing) > 0
order by fiscal_year
