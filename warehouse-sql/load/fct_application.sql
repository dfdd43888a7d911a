-- fct_application: one row per relief application (IDNPROCEEDINGAPPLN) of the release, diffed
-- against the warehouse by key and row hash; absent keys soft-deleted (EOIR withholds applications
-- between releases). Its decision date, court and MPP flag are its proceeding's, so it runs after
-- fct_proceeding. Grain: one row per application.

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_application_id null), rows the release changed or revives, and the keys a full snapshot
-- carrying the table no longer holds (application_id null, known_application_id the fact's key). The rows it
-- leaves as they are (most of a release after the first) are not written.
create temporary table incoming_application on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select a.*
    from staging.eoir_application as a join release_files using (source_file_id)
    where not a.replaced_by_later_line
),

resolved as (
    select
        s.idnproceedingappln as application_id,
        s.idnproceeding as proceeding_id,
        s.idncase as case_id,
        coalesce(t.application_type_key, -1) as application_type_key,
        coalesce(d.application_decision_key, -1) as application_decision_key,
        warehouse.date_key(s.appl_recd_date) as received_date_key,
        coalesce(p.completion_date_key, -1) as decision_date_key,
        coalesce(p.court_key, -1) as court_key,
        case
            when c.nationality_key is not null and c.nationality_key <> -1 then c.nationality_key
            else coalesce(p.nationality_key, c.nationality_key, -1)
        end as nationality_key,
        coalesce(c.is_mpp, p.is_mpp, false) as is_mpp
    from staged as s
    left join warehouse.dim_application_type as t on t.application_code = s.appl_code
    left join warehouse.dim_application_decision as d on d.decision_code = s.appl_dec
    left join warehouse.fct_proceeding as p on p.proceeding_id = s.idnproceeding
    left join warehouse.fct_case as c on c.case_id = s.idncase
),

hashed as (
    select
        r.*,
        hash_record_extended(row(
            r.proceeding_id, r.case_id, r.application_type_key, r.application_decision_key, r.received_date_key,
            r.decision_date_key, r.court_key, r.nationality_key, r.is_mpp
        ), 0) as row_hash
    from resolved as r
)

select
    h.*,
    :release_key as first_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.application_id as known_application_id
from hashed as h
full join warehouse.fct_application as f on f.application_id = h.application_id
where f.application_id is null
    or (
        h.application_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.application_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'tbl_Court_Appln'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them; the others are left as they are.
update warehouse.fct_application as f
set proceeding_id = i.proceeding_id,
    case_id = i.case_id,
    application_type_key = i.application_type_key,
    application_decision_key = i.application_decision_key,
    received_date_key = i.received_date_key,
    decision_date_key = i.decision_date_key,
    court_key = i.court_key,
    nationality_key = i.nationality_key,
    is_mpp = i.is_mpp,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_application as i
where i.known_application_id is not null and f.application_id = i.application_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_application');

insert into warehouse.fct_application (
    application_id, proceeding_id, case_id, application_type_key, application_decision_key,
    received_date_key, decision_date_key, court_key, nationality_key, is_mpp,
    first_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.application_id, i.proceeding_id, i.case_id, i.application_type_key,
    i.application_decision_key, i.received_date_key, i.decision_date_key, i.court_key,
    i.nationality_key, i.is_mpp, i.first_seen_release_key,
    i.deleted_in_release_key, i.release_key, i.row_hash
from incoming_application as i
where i.known_application_id is null;

call warehouse.restore_indexes('warehouse.fct_application');


-- A full snapshot that carries tbl_Court_Appln soft-deletes the applications it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_application', 'application_id', 'tbl_Court_Appln', :release_key, 'incoming_application'
);
