-- fct_custody_period: one row per custody history entry (IDNCUSTODY) of the release, diffed against
-- the warehouse by key and row hash; absent keys soft-deleted. Grain: one row per IDNCUSTODY.
insert into warehouse.fct_custody_period (
    custody_history_id, case_id, custody_key, detained_date_key, released_date_key,
    first_seen_release_key, last_seen_release_key, deleted_in_release_key, release_key, row_hash
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged as (
    select distinct on (h.idncustody) h.*
    from staging.eoir_custody_history as h join release_files using (source_file_id)
    order by h.idncustody, h.source_file_id desc, h.line_number desc
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
)

select
    r.*,
    :release_key as first_seen_release_key,
    :release_key as last_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    md5(row(r.case_id, r.custody_key, r.detained_date_key, r.released_date_key)::text) as row_hash
from resolved as r
on conflict (custody_history_id) do update
set case_id = excluded.case_id,
    custody_key = excluded.custody_key,
    detained_date_key = excluded.detained_date_key,
    released_date_key = excluded.released_date_key,
    last_seen_release_key = excluded.last_seen_release_key,
    deleted_in_release_key = null,
    release_key = case
        when fct_custody_period.row_hash is distinct from excluded.row_hash
            or fct_custody_period.deleted_in_release_key is not null
            then excluded.release_key
        else fct_custody_period.release_key
    end,
    row_hash = excluded.row_hash;


-- A full snapshot that carries tbl_CustodyHistory soft-deletes the custody periods it no longer holds.
call warehouse.soft_delete_absent('warehouse.fct_custody_period', 'custody_history_id', 'tbl_CustodyHistory', :release_key);
