-- A CBP file replaces every fiscal year it covers with its own rows. A file that leaves a year it took
-- over with under half the encounters the year held before (a stray row of an old year in a file of
-- the current one, a corrected rejected row dated in a year the file does not cover, a file cut short)
-- would take published figures away: CBP revises a year's figures, it does not halve them. Returns
-- those years, with what they held before and after; empty = pass. A year that held 10 rows or fewer
-- before is not judged.
-- severity: error
-- threshold: 0
select
    t.fiscal_year,
    t.rows_before,
    t.encounters_before,
    count(e.fiscal_year) as rows_after,
    coalesce(sum(e.encounter_count), 0) as encounters_after
from staging.int_cbp_year_taken as t
left join warehouse.fct_encounter as e on e.fiscal_year = t.fiscal_year
where t.release_key = :release_key
    and t.rows_before > 10
group by t.fiscal_year, t.rows_before, t.encounters_before
having coalesce(sum(e.encounter_count), 0) < 0.5 * t.encounters_before
order by t.fiscal_year
