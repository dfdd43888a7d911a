-- Each fact's working table now holds only the rows its load acts on, from one full join of the
-- release's resolved rows with the fact: new keys, changed or revived rows, and the keys the fact holds
-- that a full snapshot carrying the source table no longer has (a null key beside the known one,
-- known_<key column>). A next release had kept every row of the snapshot in the working table and
-- joined it with the fact three times (to mark the known keys, to update the changed rows, to find the
-- absent ones); the absent keys are now found in the same join, and soft_delete_absent updates the rows
-- the working table marks, by key, keeping the keys whose line the release quarantined.
create or replace procedure warehouse.soft_delete_absent(
    fact regclass, key_column text, source_table text, p_release_key bigint, incoming regclass
)
language plpgsql
as $$
begin
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

comment on procedure warehouse.soft_delete_absent(regclass, text, text, bigint, regclass) is 'Soft-deletes the rows of a fact whose keys the release''s working table marks absent (its key null, known_<key column> the fact''s key; only for a full EOIR snapshot that carries the source table), keeping keys whose line the release quarantined.';
