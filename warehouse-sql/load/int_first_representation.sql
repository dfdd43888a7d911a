-- int_first_representation: the earliest E-28 date of the release's court representations of an
-- alien, per proceeding or case they point at, for fct_proceeding. A proceeding is represented when
-- a tbl_RepsAssigned row with STRATTYLEVEL 'COURT' and STRATTYTYPE 'ALIEN' points at it or at its
-- case with an E-28 date not after its completion date (any date while it is pending): when the
-- earliest such date is not after it.
-- Grain: one row per (PARENT_TABLE, PARENT_IDN) with such a representation.
delete from staging.int_first_representation where release_key = :release_key;

insert into staging.int_first_representation (release_key, parent_table, parent_idn, first_e_28_date)
select :release_key, r.parent_table, r.parent_idn, min(r.e_28_date)
from staging.eoir_reps_assigned as r
where r.source_file_id in (select source_file_id from etl.source_file where release_key = :release_key)
    and r.strattylevel = 'COURT'
    and r.strattytype = 'ALIEN'
    and r.e_28_date is not null
    and r.parent_table in ('B_TBLPROCEEDING', 'A_TBLCASE')
    and r.parent_idn is not null
    -- A representation's last line alone (dedup_same_key.sql), as for the facts.
    and not r.replaced_by_later_line
group by r.parent_table, r.parent_idn;

-- fct_proceeding joins it twice, by proceeding and by case; without fresh statistics the planner
-- takes it for empty.
analyze staging.int_first_representation;
