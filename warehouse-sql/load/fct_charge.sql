-- fct_charge: one row per distinct charge of a proceeding in the release. Exact duplicate lines
-- (same proceeding, case, charge and status under another IDNPRCDCHG) collapse into one line: the one
-- the warehouse already holds, else the lowest IDNPRCDCHG; dedup_decision.sql records what was dropped. Diffed against the warehouse by key
-- and row hash; absent keys soft-deleted. Grain: one row per kept IDNPRCDCHG.

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_charge_id null), rows the release changed or revives, and the keys a full snapshot carrying
-- the table no longer holds (charge_id null, known_charge_id the fact's key). The rows it leaves as they are
-- (most of a release after the first) are not written.
create temporary table incoming_charge on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

by_key as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select c.*
    from staging.eoir_charge as c join release_files using (source_file_id)
    where not c.replaced_by_later_line
),

resolved as (
    select
        c.idnprcdchg as charge_id,
        c.idnproceeding as proceeding_id,
        c.idncase as case_id,
        c.charge,
        coalesce(d.charge_key, -1) as charge_key,
        c.chg_status as charge_status,
        c.chg_status_raw as charge_status_raw
    from by_key as c
    left join warehouse.dim_charge as d on d.charge_code = c.charge
),

hashed as (
    select
        r.*,
        hash_record_extended(
            row(r.proceeding_id, r.case_id, r.charge_key, r.charge_status, r.charge_status_raw), 0
        ) as row_hash
    from resolved as r
),

-- Among exact duplicates the id the warehouse already holds stays, so that a duplicate arriving in a
-- later release does not replace a live charge; otherwise the lowest id. The rows come to this sort
-- resolved and hashed, by the parallel workers that read them, so that the one process that merges
-- the workers' sorted rows only drops the duplicates.
staged as (
    select distinct on (h.proceeding_id, h.case_id, h.charge, h.charge_status) h.*
    from hashed as h
    left join warehouse.fct_charge as live on live.charge_id = h.charge_id and live.deleted_in_release_key is null
    order by h.proceeding_id, h.case_id, h.charge, h.charge_status, live.charge_id is null, h.charge_id
)

select
    h.charge_id, h.proceeding_id, h.case_id, h.charge_key, h.charge_status, h.charge_status_raw, h.row_hash,
    :release_key as first_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.charge_id as known_charge_id
from staged as h
full join warehouse.fct_charge as f on f.charge_id = h.charge_id
where f.charge_id is null
    or (
        h.charge_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.charge_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'B_TblProceedCharges'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them; the others are left as they are.
update warehouse.fct_charge as f
set proceeding_id = i.proceeding_id,
    case_id = i.case_id,
    charge_key = i.charge_key,
    charge_status = i.charge_status,
    charge_status_raw = i.charge_status_raw,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_charge as i
where i.known_charge_id is not null and f.charge_id = i.charge_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_charge');

insert into warehouse.fct_charge (
    charge_id, proceeding_id, case_id, charge_key, charge_status, charge_status_raw,
    first_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.charge_id, i.proceeding_id, i.case_id, i.charge_key, i.charge_status, i.charge_status_raw,
    i.first_seen_release_key, i.deleted_in_release_key, i.release_key,
    i.row_hash
from incoming_charge as i
where i.known_charge_id is null;

call warehouse.restore_indexes('warehouse.fct_charge');


-- A full snapshot that carries B_TblProceedCharges soft-deletes the charges it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_charge', 'charge_id', 'B_TblProceedCharges', :release_key, 'incoming_charge'
);
