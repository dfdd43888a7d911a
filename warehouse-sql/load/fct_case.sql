-- fct_case: one row per EOIR case (IDNCASE) of the release, diffed against the warehouse by key and
-- row hash: new keys inserted, changed rows updated in place, absent keys soft-deleted.

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_case_id null), rows the release changed or revives, and the keys a full snapshot carrying
-- the table no longer holds (case_id null, known_case_id the fact's key). The rows it leaves as they are
-- (most of a release after the first) are not written.
create temporary table incoming_case on commit drop as
with staged as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select c.*
    from staging.eoir_case as c
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
        and not c.replaced_by_later_line
),

resolved as (
    select
        s.idncase as case_id,
        coalesce(n.nationality_key, -1) as nationality_key,
        coalesce(l.language_key, -1) as language_key,
        coalesce(cu.custody_key, -1) as custody_key,
        coalesce(t.case_type_key, -1) as case_type_key,
        coalesce(co.court_key, -1) as court_key,
        warehouse.date_key(s.date_of_entry) as date_of_entry_key,
        coalesce(m.mpp_by_identifier or m.mpp_by_location, false) as is_mpp,
        coalesce(m.mpp_by_identifier, false) as mpp_by_identifier,
        coalesce(m.mpp_by_location, false) as mpp_by_location,
        coalesce(mhl.hearing_location_key, -1) as mpp_hearing_location_key,
        s.nat_raw,
        s.case_type_raw
    from staged as s
    left join warehouse.dim_nationality as n on n.eoir_code = s.nat
    left join warehouse.dim_language as l on l.eoir_code = s.lang
    left join warehouse.dim_custody as cu on cu.custody_code = s.custody
    left join warehouse.dim_case_type as t on t.case_type_code = s.case_type
    left join warehouse.dim_court as co on co.base_city_code = s.update_site
    left join staging.int_case_mpp as m on m.release_key = :release_key and m.case_id = s.idncase
    left join warehouse.dim_hearing_location as mhl on mhl.hearing_loc_code = m.mpp_hearing_loc_code
),

hashed as (
    select
        r.*,
        hash_record_extended(row(
            r.nationality_key, r.language_key, r.custody_key, r.case_type_key, r.court_key,
            r.date_of_entry_key, r.is_mpp, r.mpp_by_identifier, r.mpp_by_location, r.mpp_hearing_location_key,
            r.nat_raw, r.case_type_raw
        ), 0) as row_hash
    from resolved as r
)

select
    h.*,
    :release_key as first_seen_release_key,
    :release_key as last_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.case_id as known_case_id
from hashed as h
full join warehouse.fct_case as f on f.case_id = h.case_id
where f.case_id is null
    or (
        h.case_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.case_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'A_TblCase'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them.
update warehouse.fct_case as f
set nationality_key = i.nationality_key,
    language_key = i.language_key,
    custody_key = i.custody_key,
    case_type_key = i.case_type_key,
    court_key = i.court_key,
    date_of_entry_key = i.date_of_entry_key,
    is_mpp = i.is_mpp,
    mpp_by_identifier = i.mpp_by_identifier,
    mpp_by_location = i.mpp_by_location,
    mpp_hearing_location_key = i.mpp_hearing_location_key,
    nat_raw = i.nat_raw,
    case_type_raw = i.case_type_raw,
    last_seen_release_key = i.last_seen_release_key,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_case as i
where i.known_case_id is not null and f.case_id = i.case_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_case');

insert into warehouse.fct_case (
    case_id, nationality_key, language_key, custody_key, case_type_key, court_key, date_of_entry_key,
    is_mpp, mpp_by_identifier, mpp_by_location, mpp_hearing_location_key, nat_raw, case_type_raw,
    first_seen_release_key, last_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.case_id, i.nationality_key, i.language_key, i.custody_key, i.case_type_key, i.court_key,
    i.date_of_entry_key, i.is_mpp, i.mpp_by_identifier, i.mpp_by_location,
    i.mpp_hearing_location_key, i.nat_raw, i.case_type_raw, i.first_seen_release_key,
    i.last_seen_release_key, i.deleted_in_release_key, i.release_key, i.row_hash
from incoming_case as i
where i.known_case_id is null;

call warehouse.restore_indexes('warehouse.fct_case');


-- A full snapshot that carries A_TblCase soft-deletes the cases it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_case', 'case_id', 'A_TblCase', :release_key, 'incoming_case'
);

-- The other keys the warehouse holds were seen in the release too, unchanged: every row not deleted
-- but those the working table marks absent (a key kept for its quarantined line keeps its last sighting).
-- Until an EOIR release is published there are none.
update warehouse.fct_case as f
set last_seen_release_key = :release_key
where f.last_seen_release_key <> :release_key
    and f.deleted_in_release_key is null
    and warehouse.eoir_release_published()
    and exists (
        select from etl.source_file
        where release_key = :release_key and table_name = 'A_TblCase'
    )
    and not exists (
        select from incoming_case as i
        where i.case_id is null and i.known_case_id = f.case_id
    );
