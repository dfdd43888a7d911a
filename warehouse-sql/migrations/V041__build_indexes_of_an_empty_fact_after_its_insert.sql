-- Inserting the rows of a release into an empty fact maintains its indexes row by row: at 200,000
-- proceedings that was a third of the facts' time, where building the indexes once the rows are in
-- costs a fraction of it. The load sets the indexes of an empty fact aside before its insert and
-- builds them again after it, in the same transaction: a failure or a crash rolls both back. The
-- drop locks the fact until the release is published; readers of the empty table wait for it.
create or replace procedure warehouse.set_indexes_aside(fact regclass)
language plpgsql
as $$
declare
    has_rows boolean;
    index_row record;
begin
    execute format('select exists (select from %s)', fact) into has_rows;
    -- Only an empty fact whose key no foreign key references (the drop would fail), and whose index
    -- constraints are plain primary keys and unique constraints, which restore_indexes builds again.
    if has_rows
        or exists (select from pg_constraint where confrelid = fact and contype = 'f')
        or exists (
            select from pg_constraint
            where conrelid = fact and conindid <> 0 and (contype not in ('p', 'u') or condeferrable)
        ) then
        return;
    end if;
    create temporary table if not exists indexes_set_aside (
        fact regclass not null,
        index_name text not null,
        index_definition text not null,
        index_comment text,
        constraint_name text,
        constraint_type "char",
        constraint_comment text
    ) on commit drop;
    insert into indexes_set_aside
    select
        fact,
        ic.relname,
        pg_get_indexdef(i.indexrelid),
        obj_description(i.indexrelid, 'pg_class'),
        c.conname,
        c.contype,
        obj_description(c.oid, 'pg_constraint')
    from pg_index as i
    join pg_class as ic on ic.oid = i.indexrelid
    left join pg_constraint as c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
    where i.indrelid = fact;
    for index_row in
        select s.index_name, s.constraint_name, n.nspname
        from indexes_set_aside as s
        join pg_class as t on t.oid = s.fact
        join pg_namespace as n on n.oid = t.relnamespace
        where s.fact = set_indexes_aside.fact
    loop
        if index_row.constraint_name is not null then
            execute format('alter table %s drop constraint %I', fact, index_row.constraint_name);
        else
            execute format('drop index %I.%I', index_row.nspname, index_row.index_name);
        end if;
    end loop;
end
$$;

comment on procedure warehouse.set_indexes_aside(regclass) is 'Drops the indexes of an empty fact, its primary key among them, before the load inserts a release''s rows, remembering them until warehouse.restore_indexes builds them again in the same transaction; does nothing on a fact that holds rows or whose key a foreign key references.';

create or replace procedure warehouse.restore_indexes(fact regclass)
language plpgsql
as $$
declare
    index_row record;
begin
    if to_regclass('pg_temp.indexes_set_aside') is null then
        return;
    end if;
    for index_row in
        select s.*, n.nspname
        from pg_temp.indexes_set_aside as s
        join pg_class as t on t.oid = s.fact
        join pg_namespace as n on n.oid = t.relnamespace
        where s.fact = restore_indexes.fact
    loop
        execute index_row.index_definition;
        if index_row.index_comment is not null then
            execute format('comment on index %I.%I is %L', index_row.nspname, index_row.index_name,
                index_row.index_comment);
        end if;
        if index_row.constraint_name is not null then
            execute format('alter table %s add constraint %I %s using index %I', fact, index_row.constraint_name,
                case index_row.constraint_type when 'p' then 'primary key' else 'unique' end, index_row.index_name);
            if index_row.constraint_comment is not null then
                execute format('comment on constraint %I on %s is %L', index_row.constraint_name, fact,
                    index_row.constraint_comment);
            end if;
        end if;
    end loop;
    delete from pg_temp.indexes_set_aside as s where s.fact = restore_indexes.fact;
end
$$;

comment on procedure warehouse.restore_indexes(regclass) is 'Builds again, with their constraints and comments, the indexes warehouse.set_indexes_aside dropped from a fact in the same transaction; does nothing when it dropped none.';
