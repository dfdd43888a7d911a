-- The lines dedup_same_key.sql finds a later line of the same key replaces were left out of each fact by a
-- lookup in etl.dedup_decision for every staged row. Once a vacuum has found that table empty, as it is in
-- most releases, the planner scanned it again for each of the release's rows (about 2 microseconds a row, some 13
-- million rows a release). The staged line now carries the mark itself, set from the decisions before the
-- facts read the release, and the facts read the lines left unmarked.
alter table staging.eoir_case add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_proceeding add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_schedule add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_application add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_charge add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_custody_history add column replaced_by_later_line boolean not null default false;
alter table staging.eoir_reps_assigned add column replaced_by_later_line boolean not null default false;

-- The marked lines alone, so that a publication run again over the same staged lines finds the marks
-- an earlier one left without reading every line.
create index eoir_case_replaced_idx on staging.eoir_case (source_file_id) where replaced_by_later_line;
create index eoir_proceeding_replaced_idx on staging.eoir_proceeding (source_file_id) where replaced_by_later_line;
create index eoir_schedule_replaced_idx on staging.eoir_schedule (source_file_id) where replaced_by_later_line;
create index eoir_application_replaced_idx on staging.eoir_application (source_file_id) where replaced_by_later_line;
create index eoir_charge_replaced_idx on staging.eoir_charge (source_file_id) where replaced_by_later_line;
create index eoir_custody_history_replaced_idx on staging.eoir_custody_history (source_file_id)
    where replaced_by_later_line;
create index eoir_reps_assigned_replaced_idx on staging.eoir_reps_assigned (source_file_id)
    where replaced_by_later_line;

create or replace procedure staging.mark_replaced_lines(p_release_key bigint)
language plpgsql
as $$
declare
    staged record;
begin
    for staged in
        select *
        from (values
            ('A_TblCase', 'staging.eoir_case'::regclass),
            ('B_TblProceeding', 'staging.eoir_proceeding'::regclass),
            ('tbl_schedule', 'staging.eoir_schedule'::regclass),
            ('tbl_Court_Appln', 'staging.eoir_application'::regclass),
            ('B_TblProceedCharges', 'staging.eoir_charge'::regclass),
            ('tbl_CustodyHistory', 'staging.eoir_custody_history'::regclass),
            ('tbl_RepsAssigned', 'staging.eoir_reps_assigned'::regclass)
        ) as t (table_name, staging_table)
    loop
        -- The marks follow the release's decisions as they now stand.
        execute format(
            $sql$
            update %s as s
            set replaced_by_later_line = false
            where s.replaced_by_later_line
                and s.source_file_id in (select source_file_id from etl.source_file where release_key = $1)
            $sql$,
            staged.staging_table
        ) using p_release_key;
        execute format(
            $sql$
            update %s as s
            set replaced_by_later_line = true
            from etl.dedup_decision as d
            where d.release_key = $1
                and d.table_name = $2
                and d.rule = 'same_key_last_line_wins'
                and d.dropped_source_file_id = s.source_file_id
                and d.dropped_line_number = s.line_number
            $sql$,
            staged.staging_table
        ) using p_release_key, staged.table_name;
    end loop;
end
$$;

comment on procedure staging.mark_replaced_lines(bigint) is 'Marks the staged lines of an EOIR release that a later line of the same key replaces (the same_key_last_line_wins decisions of etl.dedup_decision), and clears the marks no decision of the release holds any more.';
comment on column staging.eoir_case.replaced_by_later_line is 'True when a later line of the release holds the same IDNCASE (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_proceeding.replaced_by_later_line is 'True when a later line of the release holds the same IDNPROCEEDING (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_schedule.replaced_by_later_line is 'True when a later line of the release holds the same IDNSCHEDULE (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_application.replaced_by_later_line is 'True when a later line of the release holds the same IDNPROCEEDINGAPPLN (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_charge.replaced_by_later_line is 'True when a later line of the release holds the same IDNPRCDCHG (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_custody_history.replaced_by_later_line is 'True when a later line of the release holds the same IDNCUSTODY (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
comment on column staging.eoir_reps_assigned.replaced_by_later_line is 'True when a later line of the release holds the same IDNREPSASSIGNED (etl.dedup_decision, rule same_key_last_line_wins): the facts read the last line alone.';
