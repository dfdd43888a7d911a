-- fct_custody_period: one row per custody history entry (IDNCUSTODY) of the release, diffed against
-- the warehouse by key and row hash; absent keys soft-deleted. Grain: one row per IDNCUSTODY.

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_custody_history_id null), rows the release changed or revives, and the keys a full snapshot
-- carrying the table no longer holds (custody_history_id null, known_custody_history_id the fact's key). The
-- rows it leaves as they are (most of a release after the first) are not written.
create temporary table incoming_custody_period on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select h.*
    from staging.eoir_custody_history as h join release_files using (source_file_id)
    where not h.replaced_by_later_line
),

resolved as (
    select
        s.idncustody as custody_history_id,
        s.idncase as case_id,
        coalesce(cu.custody_key, -1) as custody_key,
        warehouse.date_key(s.datdetained) as detained_date_key,
        warehouse.date_key(s.datreleased) as released_date_key
    from staged as s
    left join warehouse.dim_custody as cu on cu.custody_code = s.custody
),

hashed as (
    select
        r.*,
        hash_record_extended(row(r.case_id, r.custody_key, r.detained_date_key, r.released_date_key), 0) as row_hash
    from resolved as r
)

select
    h.*,
    :release_key as first_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.custody_history_id as known_custody_history_id
from hashed as h
full join warehouse.fct_custody_period as f on f.custody_history_id = h.custody_history_id
where f.custody_history_id is null
    or (
        h.custody_history_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.custody_history_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'tbl_CustodyHistory'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them; the others are left as they are.
update warehouse.fct_custody_period as f
set case_id = i.case_id,
    custody_key = i.custody_key,
    detained_date_key = i.detained_date_key,
    released_date_key = i.released_date_key,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_custody_period as i
where i.known_custody_history_id is not null and f.custody_history_id = i.custody_history_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_custody_period');

insert into warehouse.fct_custody_period (
    custody_history_id, case_id, custody_key, detained_date_key, released_date_key,
    first_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.custody_history_id, i.case_id, i.custody_key, i.detained_date_key, i.released_date_key,
    i.first_seen_release_key, i.deleted_in_release_key, i.release_key,
    i.row_hash
from incoming_custody_period as i
where i.known_custody_history_id is null;

call warehouse.restore_indexes('warehouse.fct_custody_period');


-- A full snapshot that carries tbl_CustodyHistory soft-deletes the custody periods it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_custody_period', 'custody_history_id', 'tbl_CustodyHistory', :release_key, 'incoming_custody_period'
);
