-- Scheduled hearings, applications, charges and custody periods no longer record the last release
-- that held each row. Keeping that column current rewrote every row of these tables, tens of millions
-- on a full EOIR release, on every release, changed or not; now a release writes only the rows it
-- adds, changes, revives or deletes. What the column said is still there: a row whose
-- deleted_in_release_key is null is in the latest release; a soft-deleted row was last held by the
-- release before the one that deleted it. Cases and proceedings keep last_seen_release_key.
alter table warehouse.fct_hearing drop column last_seen_release_key;
alter table warehouse.fct_application drop column last_seen_release_key;
alter table warehouse.fct_charge drop column last_seen_release_key;
alter table warehouse.fct_custody_period drop column last_seen_release_key;

-- The deletes of a full snapshot are found against the release's incoming rows (the working table each
-- load/fct_*.sql fills) rather than by a last_seen_release_key the load sets on every present row:
-- one procedure for every fact, in place of V024's.
drop procedure warehouse.soft_delete_absent(regclass, text, text, bigint);

-- A release that carries a source table soft-deletes the fact rows whose keys are not among its incoming
-- rows (deleted_in_release_key, release_key set to the release); a key whose line the release
-- quarantined (etl.rejected_row.record_key) is still in the release and is kept as it was. A release
-- without the table deletes nothing.
create procedure warehouse.soft_delete_absent(
    fact regclass, key_column text, source_table text, p_release_key bigint, incoming regclass
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
            and not exists (select 1 from %s as i where i.%I = fact_row.%I)
            and not exists (
                select 1
                from etl.rejected_row as r
                join etl.source_file as f using (source_file_id)
                where f.release_key = $1
                    and f.table_name = $2
                    and r.record_key = fact_row.%I::text
            )
        $sql$,
        fact, incoming, key_column, key_column, key_column
    ) using p_release_key, source_table;
end
$$;

comment on procedure warehouse.soft_delete_absent(regclass, text, text, bigint, regclass) is 'Soft-deletes the rows of a fact whose keys are absent from the release''s incoming rows, for a full EOIR snapshot, keeping keys whose line the release quarantined; does nothing when the release lacks the source table.';

revoke all on procedure warehouse.soft_delete_absent(regclass, text, text, bigint, regclass) from public;
grant execute on procedure warehouse.soft_delete_absent(regclass, text, text, bigint, regclass) to courtstats_loader;
