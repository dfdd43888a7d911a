-- The staged rows of a release whose run was abandoned: Spring Batch never runs that release again,
-- and the same files delivered under a new label are registered anew, so nothing cleared these rows,
-- which every load then read past (the staging tables have no index on source_file_id since V046).
-- From this version `courtstats abandon` deletes them (Releases.clearStaged); this clears what earlier
-- abandons left: the rows of the staged files, and the intermediates kept by release.
do $$
declare
    staging_table record;
    abandoned constant text := $sql$
        select d.release_key
        from warehouse.dim_release as d
        where d.status <> 'published'
            and exists (
                select from etl.load_run as r
                where r.source = d.source and r.release_label = d.release_label and r.status = 'ABANDONED'
            )$sql$;
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
