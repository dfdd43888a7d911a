-- The codes and dates the dimensions look for (load/used_code.sql: the inferred members of dim_nationality,
-- dim_language, dim_court, dim_hearing_location, dim_case_type, dim_custody and dim_adjournment_reason, and
-- the days of dim_date) are recorded by the staging writers as they stage each file: every distinct value
-- of the columns an EOIR table lists (eoir/EoirTables), once per file, in the transaction of the chunk that
-- first holds it. used_code.sql had found them at publication by reading every staged row of the five large
-- tables again, 3.7 to 5.0 s of a load of the default benchmark's release.
create table staging.used_value (
    source_file_id bigint not null,
    table_name text not null,
    column_name text not null,
    code text,
    day date
);

comment on table staging.used_value is
    'The distinct codes and dates of a staged file''s columns that the dimensions look for: one row per file, column and value (a code or a day); a restarted file may repeat a value.';

-- Files staged before this version (a failed run waiting for its restart) have their values recorded here.
do $$
declare
    used record;
    is_day boolean;
begin
    for used in
        select * from (values
            ('staging.eoir_case', 'A_TblCase', 'nat'), ('staging.eoir_case', 'A_TblCase', 'lang'),
            ('staging.eoir_case', 'A_TblCase', 'custody'), ('staging.eoir_case', 'A_TblCase', 'case_type'),
            ('staging.eoir_case', 'A_TblCase', 'update_site'), ('staging.eoir_case', 'A_TblCase', 'date_of_entry'),
            ('staging.eoir_case', 'A_TblCase', 'e_28_date'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'nat'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'lang'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'custody'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'case_type'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'base_city_code'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'hearing_loc_code'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'scheduled_hear_loc'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'prev_hearing_loc'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'osc_date'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'input_date'),
            ('staging.eoir_proceeding', 'B_TblProceeding', 'comp_date'),
            ('staging.eoir_schedule', 'tbl_schedule', 'lang'),
            ('staging.eoir_schedule', 'tbl_schedule', 'base_city_code'),
            ('staging.eoir_schedule', 'tbl_schedule', 'hearing_loc_code'),
            ('staging.eoir_schedule', 'tbl_schedule', 'adj_rsn'),
            ('staging.eoir_schedule', 'tbl_schedule', 'adj_date'),
            ('staging.eoir_application', 'tbl_Court_Appln', 'appl_recd_date'),
            ('staging.eoir_custody_history', 'tbl_CustodyHistory', 'custody'),
            ('staging.eoir_custody_history', 'tbl_CustodyHistory', 'datdetained'),
            ('staging.eoir_custody_history', 'tbl_CustodyHistory', 'datreleased')
        ) as v (staging_table, table_name, column_name)
    loop
        select a.atttypid = 'date'::regtype into is_day
        from pg_attribute as a
        where a.attrelid = used.staging_table::regclass and a.attname = used.column_name;
        execute format(
            'insert into staging.used_value (source_file_id, table_name, column_name, code, day) '
            'select distinct source_file_id, %L, %L, %s, %s from %s where %I is not null',
            used.table_name, used.column_name,
            case when is_day then 'null::text' else quote_ident(used.column_name) end,
            case when is_day then quote_ident(used.column_name) else 'null::date' end,
            used.staging_table, used.column_name);
    end loop;
end
$$;
