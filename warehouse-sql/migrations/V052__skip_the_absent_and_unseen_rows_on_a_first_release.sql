-- Until an EOIR release is published into a warehouse, its facts hold no row from before the load: none can be
-- absent from the release being loaded, and every row was last seen in it. The soft deletes of absent keys and
-- the updates of cases' and proceedings' last sighting had each still read a fact or its working table through
-- (about 2 s of a full load of 2 million proceedings); they now ask this first. A release is marked published
-- at the end of the transaction that publishes it, so a replay of rejected rows into a release already published
-- finds it published and takes the full path.
create or replace function warehouse.eoir_release_published()
returns boolean
language sql
stable
as $$
    select exists (select from warehouse.dim_release where source = 'eoir' and status = 'published')
$$;

comment on function warehouse.eoir_release_published() is 'Whether an EOIR release is published, so that the facts may hold rows from before the load: until one is, a load skips what only earlier rows need (soft deletes of absent keys, last sightings).';

create or replace procedure warehouse.soft_delete_absent(
    fact regclass, key_column text, source_table text, p_release_key bigint, incoming regclass
)
language plpgsql
as $$
begin
    if not warehouse.eoir_release_published() then
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

comment on procedure warehouse.soft_delete_absent(regclass, text, text, bigint, regclass) is 'Soft-deletes the rows of a fact whose keys the release''s working table marks absent (its key null, known_<key column> the fact''s key; only for a full EOIR snapshot that carries the source table), keeping keys whose line the release quarantined; nothing to do until an EOIR release is published.';
