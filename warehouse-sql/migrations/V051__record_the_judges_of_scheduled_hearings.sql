-- The staging writers record the judge codes of tbl_schedule (load/used_code.sql), so that dim_judge finds
-- the judges named only on scheduled hearings among the recorded values, where it had read every staged
-- hearing again. Files staged before this version (a failed run waiting for its restart) have their values
-- recorded here.
do $$
declare
    used record;
begin
    for used in
        select * from (values
            ('staging.eoir_schedule', 'tbl_schedule', 'ij_code')
        ) as v (staging_table, table_name, column_name)
    loop
        execute format(
            'insert into staging.used_value (source_file_id, table_name, column_name, code, day) '
            'select distinct source_file_id, %L, %L, %I, null::date from %s where %I is not null',
            used.table_name, used.column_name, used.column_name, used.staging_table, used.column_name);
    end loop;
end
$$;
