-- fct_proceeding: one row per EOIR proceeding (IDNPROCEEDING) of the release, an accumulating
-- snapshot diffed against the warehouse by key and row hash; absent keys are soft-deleted.

-- The rows the load acts on, from one full join of the release's rows, resolved and hashed, with the fact:
-- new keys (known_proceeding_id null), rows the release changed or revives, and the keys a full snapshot
-- carrying the table no longer holds (proceeding_id null, known_proceeding_id the fact's key). The rows it
-- leaves as they are (most of a release after the first) are not written.
create temporary table incoming_proceeding on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

staged as (
    -- A key's last line: dedup_same_key.sql marked the lines a later one repeats.
    select p.*
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    where not p.replaced_by_later_line
),

resolved as (
    select
        s.idnproceeding as proceeding_id,
        s.idncase as case_id,
        coalesce(co.court_key, -1) as court_key,
        coalesce(hl.hearing_location_key, -1) as hearing_location_key,
        coalesce(j.judge_key, -1) as judge_key,
        coalesce(t.case_type_key, -1) as case_type_key,
        coalesce(n.nationality_key, -1) as nationality_key,
        coalesce(l.language_key, -1) as language_key,
        coalesce(cu.custody_key, -1) as custody_key,
        warehouse.date_key(s.osc_date) as nta_date_key,
        warehouse.date_key(s.input_date) as input_date_key,
        warehouse.date_key(s.comp_date) as completion_date_key,
        coalesce(d.decision_key, -1) as decision_key,
        case when s.comp_date is not null then coalesce(d.outcome_group, 'other') end as outcome_group,
        s.comp_date is not null as is_completed,
        s.comp_date is not null and coalesce(s.absentia = 'Y', false) as is_in_absentia,
        -- Represented: a court representation of the alien, of the proceeding or of its case, not
        -- after the completion date (any, while pending): the earliest one (int_first_representation).
        coalesce(
            rp.first_e_28_date <= coalesce(s.comp_date, date 'infinity')
            or rc.first_e_28_date <= coalesce(s.comp_date, date 'infinity'),
            false
        ) as is_represented,
        coalesce(m.mpp_by_identifier or m.mpp_by_location, false) as is_mpp,
        s.dec_code_raw,
        s.other_comp_raw,
        s.deported_1,
        s.deported_2
    from staged as s
    left join warehouse.dim_court as co on co.base_city_code = s.base_city_code
    left join warehouse.dim_hearing_location as hl on hl.hearing_loc_code = s.hearing_loc_code
    -- The judge's version at the time of the event: the decision, or the hearing date; the current
    -- one while it is still to come.
    left join staging.int_judge_version as j
        on j.release_key = :release_key
        and j.judge_code = s.ij_code
        and coalesce(s.comp_date, date 'infinity') >= j.effective_from
        and (j.is_current or coalesce(s.comp_date, date 'infinity') < j.valid_to)
    left join warehouse.dim_case_type as t on t.case_type_code = s.case_type
    left join warehouse.dim_nationality as n on n.eoir_code = s.nat
    left join warehouse.dim_language as l on l.eoir_code = s.lang
    left join warehouse.dim_custody as cu on cu.custody_code = s.custody
    left join warehouse.dim_decision as d
        on d.case_type_code = coalesce(s.case_type, '?')
        and d.decision_code = coalesce(s.dec_code, s.other_comp)
        and d.decision_kind = case when s.dec_code is not null then 'C' else 'O' end
    left join staging.int_first_representation as rp
        on rp.release_key = :release_key and rp.parent_table = 'B_TBLPROCEEDING' and rp.parent_idn = s.idnproceeding
    left join staging.int_first_representation as rc
        on rc.release_key = :release_key and rc.parent_table = 'A_TBLCASE' and rc.parent_idn = s.idncase
    left join staging.int_case_mpp as m on m.release_key = :release_key and m.case_id = s.idncase
),

hashed as (
    select
        r.*,
        hash_record_extended(row(
            r.case_id, r.court_key, r.hearing_location_key, r.judge_key, r.case_type_key, r.nationality_key,
            r.language_key, r.custody_key, r.nta_date_key, r.input_date_key, r.completion_date_key,
            r.decision_key, r.outcome_group, r.is_completed, r.is_in_absentia, r.is_represented, r.is_mpp,
            r.dec_code_raw, r.other_comp_raw, r.deported_1, r.deported_2
        ), 0) as row_hash
    from resolved as r
)

select
    h.*,
    :release_key as first_seen_release_key,
    :release_key as last_seen_release_key,
    null::bigint as deleted_in_release_key,
    :release_key as release_key,
    f.proceeding_id as known_proceeding_id
from hashed as h
full join warehouse.fct_proceeding as f on f.proceeding_id = h.proceeding_id
where f.proceeding_id is null
    or (
        h.proceeding_id is not null
        and (f.row_hash is distinct from h.row_hash or f.deleted_in_release_key is not null)
    )
    or (
        h.proceeding_id is null
        and f.deleted_in_release_key is null
        and exists (
            select from etl.source_file
            where release_key = :release_key and table_name = 'B_TblProceeding'
        )
    );

-- Keys the warehouse holds are updated in place where the release changed them (the row hash) or
-- revives them.
update warehouse.fct_proceeding as f
set case_id = i.case_id,
    court_key = i.court_key,
    hearing_location_key = i.hearing_location_key,
    judge_key = i.judge_key,
    case_type_key = i.case_type_key,
    nationality_key = i.nationality_key,
    language_key = i.language_key,
    custody_key = i.custody_key,
    nta_date_key = i.nta_date_key,
    input_date_key = i.input_date_key,
    completion_date_key = i.completion_date_key,
    decision_key = i.decision_key,
    outcome_group = i.outcome_group,
    is_completed = i.is_completed,
    is_in_absentia = i.is_in_absentia,
    is_represented = i.is_represented,
    is_mpp = i.is_mpp,
    dec_code_raw = i.dec_code_raw,
    other_comp_raw = i.other_comp_raw,
    deported_1 = i.deported_1,
    deported_2 = i.deported_2,
    last_seen_release_key = i.last_seen_release_key,
    deleted_in_release_key = null,
    release_key = i.release_key,
    row_hash = i.row_hash
from incoming_proceeding as i
where i.known_proceeding_id is not null and f.proceeding_id = i.proceeding_id;

-- New keys: a plain insert, with no conflict to look for (every row, on a load into an empty warehouse,
-- which builds the fact's indexes after the insert rather than entry by entry).
call warehouse.set_indexes_aside('warehouse.fct_proceeding');

insert into warehouse.fct_proceeding (
    proceeding_id, case_id, court_key, hearing_location_key, judge_key, case_type_key,
    nationality_key, language_key, custody_key, nta_date_key, input_date_key, completion_date_key,
    decision_key, outcome_group, is_completed, is_in_absentia, is_represented, is_mpp,
    dec_code_raw, other_comp_raw, deported_1, deported_2,
    first_seen_release_key, last_seen_release_key, deleted_in_release_key, release_key, row_hash
)
select
    i.proceeding_id, i.case_id, i.court_key, i.hearing_location_key, i.judge_key, i.case_type_key,
    i.nationality_key, i.language_key, i.custody_key, i.nta_date_key, i.input_date_key,
    i.completion_date_key, i.decision_key, i.outcome_group, i.is_completed, i.is_in_absentia,
    i.is_represented, i.is_mpp, i.dec_code_raw, i.other_comp_raw, i.deported_1, i.deported_2,
    i.first_seen_release_key, i.last_seen_release_key, i.deleted_in_release_key, i.release_key,
    i.row_hash
from incoming_proceeding as i
where i.known_proceeding_id is null;

call warehouse.restore_indexes('warehouse.fct_proceeding');


-- A full snapshot that carries B_TblProceeding soft-deletes the proceedings it no longer holds.
call warehouse.soft_delete_absent(
    'warehouse.fct_proceeding', 'proceeding_id', 'B_TblProceeding', :release_key, 'incoming_proceeding'
);

-- The other keys the warehouse holds were seen in the release too, unchanged: every row not deleted
-- but those the working table marks absent (a key kept for its quarantined line keeps its last sighting).
-- Until an EOIR release is published there are none.
update warehouse.fct_proceeding as f
set last_seen_release_key = :release_key
where f.last_seen_release_key <> :release_key
    and f.deleted_in_release_key is null
    and warehouse.eoir_release_published()
    and exists (
        select from etl.source_file
        where release_key = :release_key and table_name = 'B_TblProceeding'
    )
    and not exists (
        select from incoming_proceeding as i
        where i.proceeding_id is null and i.known_proceeding_id = f.proceeding_id
    );

-- A proceeding's is_mpp is its case's. Where the release quarantined the proceeding's line, or its case's,
-- one of the two kept the row an earlier release loaded while the other took this release's MPP signals:
-- such a proceeding takes its case's is_mpp, and the row hash of what it now holds (as V040 computes it
-- from the fact's columns), so that the next release tells whether its line changed. Nothing to do in a
-- release that quarantined neither.
with quarantined as (
    select f.table_name, r.record_key::bigint as record_key
    from etl.rejected_row as r
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
        and f.table_name in ('A_TblCase', 'B_TblProceeding')
        and r.record_key ~ '^[0-9]{1,18}$'
),

touched as (
    select p.proceeding_id, p.case_id, p.is_mpp
    from quarantined as q
    join warehouse.fct_proceeding as p on p.proceeding_id = q.record_key
    where q.table_name = 'B_TblProceeding' and p.deleted_in_release_key is null
    union
    select p.proceeding_id, p.case_id, p.is_mpp
    from quarantined as q
    join warehouse.fct_proceeding as p on p.case_id = q.record_key
    where q.table_name = 'A_TblCase' and p.deleted_in_release_key is null
),

aligned as (
    select t.proceeding_id, c.is_mpp
    from touched as t
    join warehouse.fct_case as c on c.case_id = t.case_id and c.deleted_in_release_key is null
    where t.is_mpp is distinct from c.is_mpp
)

update warehouse.fct_proceeding as f
set is_mpp = a.is_mpp,
    release_key = :release_key,
    row_hash = hash_record_extended(row(
        f.case_id, f.court_key, f.hearing_location_key, f.judge_key, f.case_type_key, f.nationality_key,
        f.language_key, f.custody_key, f.nta_date_key, f.input_date_key, f.completion_date_key,
        f.decision_key, f.outcome_group, f.is_completed, f.is_in_absentia, f.is_represented, a.is_mpp,
        f.dec_code_raw, f.other_comp_raw, f.deported_1, f.deported_2
    ), 0)
from aligned as a
where f.proceeding_id = a.proceeding_id;
