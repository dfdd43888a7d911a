-- Facts of the EOIR case data. Each EOIR release is a full snapshot: a key present before and
-- absent now is soft-deleted (deleted_in_release_key), revived when it reappears; changed rows
-- are updated in place and release_key names the release that last changed them.
-- Every *_key column points at the dimension of the same name; the checks in warehouse-sql/checks
-- verify that set-based before a release is published, instead of a trigger per row and key.

create table warehouse.fct_case (
    case_id bigint primary key,
    nationality_key bigint not null,
    language_key bigint not null,
    custody_key bigint not null,
    case_type_key bigint not null,
    court_key bigint not null,
    date_of_entry_key int not null,
    is_mpp boolean not null,
    mpp_by_identifier boolean not null,
    mpp_by_location boolean not null,
    nat_raw text,
    case_type_raw text,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

comment on table warehouse.fct_case is 'One row per EOIR case (IDNCASE, one charging document), from A_TblCase.';
comment on column warehouse.fct_case.case_id is 'IDNCASE.';
comment on column warehouse.fct_case.nationality_key is 'Nationality (NAT); -1 when blank.';
comment on column warehouse.fct_case.language_key is 'Language (LANG); -1 when blank.';
comment on column warehouse.fct_case.custody_key is 'Custody status of the case (CUSTODY); -1 when blank.';
comment on column warehouse.fct_case.case_type_key is 'Case type (CASE_TYPE); -1 when blank.';
comment on column warehouse.fct_case.court_key is 'Court that last updated the case (UPDATE_SITE); -1 when blank.';
comment on column warehouse.fct_case.date_of_entry_key is 'Date of entry into the US (DATE_OF_ENTRY); -1 when unknown.';
comment on column warehouse.fct_case.is_mpp is 'MPP case: mpp_by_identifier or mpp_by_location. A case stays MPP after a transfer out.';
comment on column warehouse.fct_case.mpp_by_identifier is 'The case has an A_TblCaseIdentifier.CASE_ID of MP or RM.';
comment on column warehouse.fct_case.mpp_by_location is 'A proceeding of the case is at an MPP hearing location (dim_hearing_location.is_mpp_location).';
comment on column warehouse.fct_case.nat_raw is 'NAT as delivered, when cleaning changed it.';
comment on column warehouse.fct_case.case_type_raw is 'CASE_TYPE as delivered, when cleaning changed it.';
comment on column warehouse.fct_case.first_seen_release_key is 'First release that contained the case.';
comment on column warehouse.fct_case.last_seen_release_key is 'Latest release that contained the case.';
comment on column warehouse.fct_case.deleted_in_release_key is 'Release from which the case is absent (soft delete); null while present.';
comment on column warehouse.fct_case.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_case.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';

create table warehouse.fct_proceeding (
    proceeding_id bigint primary key,
    case_id bigint not null,
    court_key bigint not null,
    hearing_location_key bigint not null,
    judge_key bigint not null,
    case_type_key bigint not null,
    nationality_key bigint not null,
    language_key bigint not null,
    custody_key bigint not null,
    nta_date_key int not null,
    input_date_key int not null,
    completion_date_key int not null,
    decision_key bigint not null,
    outcome_group text,
    is_completed boolean not null,
    is_in_absentia boolean not null,
    is_represented boolean not null,
    is_mpp boolean not null,
    dec_code_raw text,
    other_comp_raw text,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

create index fct_proceeding_case_idx on warehouse.fct_proceeding (case_id);

comment on table warehouse.fct_proceeding is 'One row per EOIR proceeding (IDNPROCEEDING), an accumulating snapshot updated as the proceeding moves to completion; from B_TblProceeding.';
comment on column warehouse.fct_proceeding.proceeding_id is 'IDNPROCEEDING.';
comment on column warehouse.fct_proceeding.case_id is 'IDNCASE; may name a case missing from A_TblCase (EOIR''s foreign keys are imperfect).';
comment on column warehouse.fct_proceeding.court_key is 'Court (BASE_CITY_CODE).';
comment on column warehouse.fct_proceeding.hearing_location_key is 'Hearing location (HEARING_LOC_CODE).';
comment on column warehouse.fct_proceeding.judge_key is 'Judge (IJ_CODE), the version current when the release was loaded.';
comment on column warehouse.fct_proceeding.case_type_key is 'Case type of the proceeding (CASE_TYPE).';
comment on column warehouse.fct_proceeding.nationality_key is 'Nationality recorded on the proceeding (NAT).';
comment on column warehouse.fct_proceeding.language_key is 'Language recorded on the proceeding (LANG).';
comment on column warehouse.fct_proceeding.custody_key is 'Custody status at completion (CUSTODY).';
comment on column warehouse.fct_proceeding.nta_date_key is 'Date of the charging document (OSC_DATE, the NTA date).';
comment on column warehouse.fct_proceeding.input_date_key is 'Date the proceeding was entered (INPUT_DATE).';
comment on column warehouse.fct_proceeding.completion_date_key is 'Date of the judge''s decision (COMP_DATE); -1 while pending.';
comment on column warehouse.fct_proceeding.decision_key is 'Decision: (CASE_TYPE, DEC_CODE, C) when DEC_CODE is present, else (CASE_TYPE, OTHER_COMP, O); -1 when neither.';
comment on column warehouse.fct_proceeding.outcome_group is 'Outcome group of the decision for a completed proceeding; null while pending.';
comment on column warehouse.fct_proceeding.is_completed is 'COMP_DATE is present.';
comment on column warehouse.fct_proceeding.is_in_absentia is 'ABSENTIA = Y on a completed proceeding.';
comment on column warehouse.fct_proceeding.is_represented is 'A tbl_RepsAssigned row with level COURT and type ALIEN points at the proceeding or its case, with an E-28 date not after the completion date (any date while pending).';
comment on column warehouse.fct_proceeding.is_mpp is 'The case''s is_mpp.';
comment on column warehouse.fct_proceeding.dec_code_raw is 'DEC_CODE as delivered, when cleaning changed it.';
comment on column warehouse.fct_proceeding.other_comp_raw is 'OTHER_COMP as delivered, when cleaning changed it.';
comment on column warehouse.fct_proceeding.first_seen_release_key is 'First release that contained the proceeding.';
comment on column warehouse.fct_proceeding.last_seen_release_key is 'Latest release that contained the proceeding.';
comment on column warehouse.fct_proceeding.deleted_in_release_key is 'Release from which the proceeding is absent (soft delete); null while present.';
comment on column warehouse.fct_proceeding.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_proceeding.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';
