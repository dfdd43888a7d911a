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
    and not exists (
        select from (
            -- The table's dropped lines, read only when it has any (tested once per statement): a
            -- vacuum that found etl.dedup_decision empty has the planner scan it again for each row.
            select dropped_source_file_id, dropped_line_number
            from etl.dedup_decision
            where release_key = :release_key
                and table_name = 'tbl_RepsAssigned'
                and rule = 'same_key_last_line_wins'
                and exists (
                    select from etl.dedup_decision
                    where release_key = :release_key and table_name = 'tbl_RepsAssigned'
                )
            offset 0
        ) as d
        where d.dropped_source_file_id = r.source_file_id
            and d.dropped_line_number = r.line_number
    )
group by r.parent_table, r.parent_idn;

-- fct_proceeding joins it twice, by proceeding and by case; without fresh statistics the planner
-- takes it for empty.
analyze staging.int_first_representation;
