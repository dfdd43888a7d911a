-- Staging tables of the EOIR case-data release: one per source table, typed and cleaned by the
-- stage step, tagged with the file and line each row came from. A code column keeps the raw
-- value in <column>_raw when cleaning changed it.

create table staging.eoir_case (
    source_file_id bigint not null,
    line_number bigint not null,
    idncase bigint not null,
    nat text, nat_raw text,
    lang text, lang_raw text,
    custody text, custody_raw text,
    case_type text, case_type_raw text,
    update_site text, update_site_raw text,
    c_asy_type text, c_asy_type_raw text,
    sex text, sex_raw text,
    casepriority_code text, casepriority_code_raw text,
    alien_state text,
    date_of_entry date,
    e_28_date date,
    latest_hearing date
);

create table staging.eoir_case_identifier (
    source_file_id bigint not null,
    line_number bigint not null,
    idncaseid bigint not null,
    idncase bigint not null,
    case_id text, case_id_raw text
);

create table staging.eoir_proceeding (
    source_file_id bigint not null,
    line_number bigint not null,
    idnproceeding bigint not null,
    idncase bigint not null,
    osc_date date,
    input_date date,
    comp_date date,
    trans_in_date date,
    base_city_code text, base_city_code_raw text,
    hearing_loc_code text, hearing_loc_code_raw text,
    scheduled_hear_loc text, scheduled_hear_loc_raw text,
    prev_hearing_loc text, prev_hearing_loc_raw text,
    ij_code text, ij_code_raw text,
    dec_type text, dec_type_raw text,
    dec_code text, dec_code_raw text,
    other_comp text, other_comp_raw text,
    absentia text, absentia_raw text,
    custody text, custody_raw text,
    case_type text, case_type_raw text,
    nat text, nat_raw text,
    lang text, lang_raw text,
    transfer_to text, transfer_to_raw text
);

create table staging.eoir_reps_assigned (
    source_file_id bigint not null,
    line_number bigint not null,
    idnrepsassigned bigint not null,
    idncase bigint not null,
    strattylevel text, strattylevel_raw text,
    strattytype text, strattytype_raw text,
    parent_table text, parent_table_raw text,
    parent_idn bigint,
    base_city_code text, base_city_code_raw text,
    e_28_date date
);

create table staging.eoir_nationality (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    name text
);

create table staging.eoir_language (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    name text
);

create table staging.eoir_base_city (
    source_file_id bigint not null,
    line_number bigint not null,
    base_city_code text not null, base_city_code_raw text,
    base_city_name text,
    base_city text,
    base_state text
);

create table staging.eoir_hearing_location (
    source_file_id bigint not null,
    line_number bigint not null,
    hearing_loc_code text not null, hearing_loc_code_raw text,
    hearing_loc_name text,
    hearing_city text,
    hearing_state text,
    hearing_base_city text, hearing_base_city_raw text
);

create table staging.eoir_judge (
    source_file_id bigint not null,
    line_number bigint not null,
    judge_code text not null, judge_code_raw text,
    judge_name text
);

create table staging.eoir_case_type (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    description text
);

create table staging.eoir_custody_status (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    description text
);

create table staging.eoir_court_decision (
    source_file_id bigint not null,
    line_number bigint not null,
    case_type text not null, case_type_raw text,
    dec_code text not null, dec_code_raw text,
    dec_type text not null, dec_type_raw text,
    description text
);

create table staging.eoir_case_identifier_type (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    description text
);

-- Intermediate result of the integrate step: the MPP signals of every case in a release.
create table staging.int_case_mpp (
    release_key bigint not null,
    case_id bigint not null,
    mpp_by_identifier boolean not null,
    mpp_by_location boolean not null,
    primary key (release_key, case_id)
);

create index eoir_case_file_idx on staging.eoir_case (source_file_id);
create index eoir_case_identifier_file_idx on staging.eoir_case_identifier (source_file_id);
create index eoir_proceeding_file_idx on staging.eoir_proceeding (source_file_id);
create index eoir_reps_assigned_file_idx on staging.eoir_reps_assigned (source_file_id);

comment on table staging.eoir_case is 'A_TblCase rows of the release being loaded; one row per data line.';
comment on table staging.eoir_case_identifier is 'A_TblCaseIdentifier rows of the release being loaded.';
comment on table staging.eoir_proceeding is 'B_TblProceeding rows of the release being loaded.';
comment on table staging.eoir_reps_assigned is 'tbl_RepsAssigned rows of the release being loaded.';
comment on table staging.eoir_nationality is 'tblLookupAlienNat / tblLookupNationality rows.';
comment on table staging.eoir_language is 'tblLanguage rows.';
comment on table staging.eoir_base_city is 'tblLookupBaseCity rows (immigration courts).';
comment on table staging.eoir_hearing_location is 'tblLookupHloc rows.';
comment on table staging.eoir_judge is 'tblLookupJudge rows.';
comment on table staging.eoir_case_type is 'tblLookupCaseType rows.';
comment on table staging.eoir_custody_status is 'tblLookupCustodyStatus rows.';
comment on table staging.eoir_court_decision is 'tblLookupCourtDecision rows, keyed by case type, code and kind (C merits, O other completion).';
comment on table staging.eoir_case_identifier_type is 'tblLookUpCaseIdentifier rows.';
comment on table staging.int_case_mpp is 'MPP signals per case of a release, computed by the integrate step.';
