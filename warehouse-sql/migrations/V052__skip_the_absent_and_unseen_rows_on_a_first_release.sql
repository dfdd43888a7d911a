-- On the first EOIR release published into a warehouse, the facts hold no row of another release: none can
-- be absent from it, and every row was last seen in it. The soft deletes of absent keys and the updates of
-- cases' and proceedings' last sighting had each still read a fact or its working table through (about 2 s
-- of a full load of 2 million proceedings); they now ask this first.
create or replace function warehouse.other_eoir_release_published(p_release_key bigint)
returns boolean
language sql
stable
as $$
    select exists (
        select from warehouse.dim_release
        where source = 'eoir' and status = 'published' and release_key <> p_release_key
    )
$$;

comment on function warehouse.other_eoir_release_published(bigint) is 'Whether an EOIR release other than the one given is published, so that the facts may hold its rows: a load publishing the first release skips what only earlier rows need (soft deletes, last sightings).';

create or replace procedure warehouse.soft_delete_absent(
    fact regclass, key_column text, source_table text, p_release_key bigint, incoming regclass
)
language plpgsql
as $$
begin
    if not warehouse.other_eoir_release_published(p_release_key) then
        return;
    end if;
    execute format(
        $sql$
        update %s as fact_row
        set deleted_in_release_key = $1,
            release_key = $1
        from %s as i
        where i.%I is null
            and fact_row.%I = i.%I
            and fact_row.deleted_in_release_key is null
            and not exists (
                select 1
                from etl.rejected_row as r
                join etl.source_file as f using (source_file_id)
                where f.release_key = $1
                    and f.table_name = $2
                    and r.record_key = fact_row.%I::text
            )
        $sql$,
        fact, incoming, key_column, key_column, 'known_' || key_column, key_column
    ) using p_release_key, source_table;
end
$$;
