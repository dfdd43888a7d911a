-- One definition of a full snapshot's deletes, called by every fact of the EOIR release: a release
-- that carries a source table soft-deletes the fact rows whose keys it no longer holds
-- (deleted_in_release_key, release_key set to the release); a key whose line the release quarantined
-- (etl.rejected_row.record_key) is still in the release and is kept as it was. A release without the
-- table deletes nothing.
create procedure warehouse.soft_delete_absent(
    fact regclass, key_column text, source_table text, p_release_key bigint
)
language plpgsql
as $$
begin
    if not exists (
        select 1 from etl.source_file as f where f.release_key = p_release_key and f.table_name = source_table
    ) then
        return;
    end if;
    execute format(
        $sql$
        update %s as fact_row
        set deleted_in_release_key = $1,
            release_key = $1
        where fact_row.deleted_in_release_key is null
            and fact_row.last_seen_release_key <> $1
            and not exists (
                select 1
                from etl.rejected_row as r
                join etl.source_file as f using (source_file_id)
                where f.release_key = $1
                    and f.table_name = $2
                    and r.record_key = fact_row.%I::text
            )
        $sql$,
        fact, key_column
    ) using p_release_key, source_table;
end
$$;

comment on procedure warehouse.soft_delete_absent(regclass, text, text, bigint) is 'Soft-deletes the rows of a fact whose keys a full EOIR snapshot no longer holds, keeping keys whose line the release quarantined; does nothing when the release lacks the source table.';

revoke all on procedure warehouse.soft_delete_absent(regclass, text, text, bigint) from public;
grant execute on procedure warehouse.soft_delete_absent(regclass, text, text, bigint) to courtstats_loader;
