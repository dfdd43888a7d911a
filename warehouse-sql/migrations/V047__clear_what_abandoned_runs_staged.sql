-- The staged rows of releases whose latest run was abandoned: nothing cleared them (a new label registers
-- its files anew), and every load read past them. From this version `courtstats abandon` deletes them.
do $$
declare
    staging_table record;
    abandoned constant text := $sql$
        select d.release_key
        from warehouse.dim_release as d
        where d.status <> 'published'
            and (
                select r.status
                from etl.load_run as r
                where r.source = d.source and r.release_label = d.release_label
                order by r.job_execution_id desc
                limit 1
            ) = 'ABANDONED'$sql$;
begin
    for staging_table in
        select format('%I.%I', table_schema, table_name) as name
        from information_schema.columns
        where table_schema = 'staging' and column_name = 'source_file_id'
    loop
        execute format(
            'delete from %s where source_file_id in (select source_file_id from etl.source_file where release_key in (%s))',
            staging_table.name, abandoned);
    end loop;
    for staging_table in
        select unnest(array['staging.int_case_mpp', 'staging.int_first_representation', 'staging.int_judge_version'])
            as name
    loop
        execute format('delete from %s where release_key in (%s)', staging_table.name, abandoned);
    end loop;
end
$$;
