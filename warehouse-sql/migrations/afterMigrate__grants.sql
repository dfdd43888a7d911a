-- Runs after every migration: courtstats_loader owns every courtstats object, and
-- courtstats_analyst reads warehouse, reporting, etl.rejected_row and etl.load_run only,
-- and may execute only the routines that cannot write.
do $$
declare
    obj record;
begin
    -- From PostgreSQL 16 a user with CREATEROLE that created courtstats_loader (V001) holds it
    -- with ADMIN only, and may not hand it objects until granted membership by itself.
    if current_setting('server_version_num')::int >= 160000
        and not pg_has_role(current_user, 'courtstats_loader', 'SET') then
        execute format('grant courtstats_loader to %I', current_user);
    end if;
    -- Schemas first: a new owner of a table needs the right to create in its schema.
    for obj in
        select nspname as name from pg_namespace
        where nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
    loop
        execute format('alter schema %I owner to courtstats_loader', obj.name);
    end loop;
    -- Tables, views and materialized views of any of the schemas; a table's identity
    -- sequences and indexes follow it.
    for obj in
        select format('%I.%I', n.nspname, c.relname) as name,
            case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                when 'f' then 'foreign table' else 'table' end as kind
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
            and c.relkind in ('r', 'p', 'v', 'm', 'f')
            and c.relowner <> 'courtstats_loader'::regrole
    loop
        execute format('alter %s %s owner to courtstats_loader', obj.kind, obj.name);
    end loop;
    -- Then the sequences no table owns (the job repository's).
    for obj in
        select format('%I.%I', n.nspname, c.relname) as name
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
            and c.relkind = 'S'
            and c.relowner <> 'courtstats_loader'::regrole
    loop
        execute format('alter sequence %s owner to courtstats_loader', obj.name);
    end loop;
    -- And the functions and procedures the load calls (date_key, outcome_group, soft_delete_absent).
    for obj in
        select p.oid::regprocedure::text as name, case p.prokind when 'p' then 'procedure' else 'function' end as kind
        from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
            and p.proowner <> 'courtstats_loader'::regrole
    loop
        execute format('alter %s %s owner to courtstats_loader', obj.kind, obj.name);
    end loop;
end
$$;

-- Exactly the contract's grants, whatever an earlier migration or a hand granted before.
revoke all on schema etl, staging, warehouse, reporting, batch from public, courtstats_analyst;
revoke all on all tables in schema etl, staging, warehouse, reporting, batch from courtstats_analyst;
revoke all on all sequences in schema etl, staging, warehouse, reporting, batch from courtstats_analyst;
grant usage on schema warehouse, reporting, etl to courtstats_analyst;
grant select on all tables in schema warehouse, reporting to courtstats_analyst;
grant select on etl.rejected_row, etl.load_run to courtstats_analyst;

-- Routines: PostgreSQL lets everyone execute a new function. A procedure, a volatile function
-- (either may write) or a security definer one (it runs with the loader's rights) is the
-- loader's alone; the immutable and stable helpers stay callable, as the views' readers call them.
do $$
declare
    routine record;
begin
    for routine in
        select p.oid::regprocedure::text as name, case p.prokind when 'p' then 'procedure' else 'function' end as kind,
            p.prokind = 'p' or p.provolatile = 'v' or p.prosecdef as writes
        from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
            and p.prokind in ('f', 'p')
    loop
        if routine.writes then
            execute format('revoke all on %s %s from public, courtstats_analyst', routine.kind, routine.name);
        else
            execute format('grant execute on %s %s to courtstats_analyst', routine.kind, routine.name);
        end if;
    end loop;
    -- Before PostgreSQL 15 every role could create in schema public. Only the schema's owner
    -- may take that back; for any other migrating user the revoke is a warning, not an error.
    if exists (select from pg_namespace where nspname = 'public')
        and has_schema_privilege('public', 'public', 'CREATE') then
        revoke create on schema public from public;
    end if;
end
$$;
