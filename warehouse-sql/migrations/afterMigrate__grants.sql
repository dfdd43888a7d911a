-- Runs after every migration: courtstats_loader owns every courtstats object, and
-- courtstats_analyst reads warehouse, reporting, etl.rejected_row, etl.repaired_row and etl.load_run only.
do $$
declare
    obj record;
begin
    -- Schemas first: a new owner of a table needs the right to create in its schema.
    for obj in
        select nspname as name from pg_namespace
        where nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
    loop
        execute format('alter schema %I owner to courtstats_loader', obj.name);
    end loop;
    for obj in
        select format('%I.%I', schemaname, tablename) as name, 'table' as kind
        from pg_tables
        where schemaname in ('etl', 'staging', 'warehouse', 'batch') and tableowner <> 'courtstats_loader'
        union all
        select format('%I.%I', schemaname, viewname), 'view'
        from pg_views
        where schemaname = 'reporting' and viewowner <> 'courtstats_loader'
        union all
        select format('%I.%I', sequence_schema, sequence_name), 'sequence'
        from information_schema.sequences s
        where sequence_schema = 'batch'
    loop
        execute format('alter %s %s owner to courtstats_loader', obj.kind, obj.name);
    end loop;
end
$$;

revoke all on schema etl, staging, warehouse, reporting, batch from public;
grant usage on schema warehouse, reporting, etl to courtstats_analyst;
grant select on all tables in schema warehouse, reporting to courtstats_analyst;
grant select on etl.rejected_row, etl.repaired_row, etl.load_run to courtstats_analyst;
