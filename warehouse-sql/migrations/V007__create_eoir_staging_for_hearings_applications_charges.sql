-- Staging tables for the rest of the EOIR release: scheduled hearings, relief applications,
-- charges, custody history and the lookups they need. Same shape as V004: one row per data
-- line, tagged with the file and line it came from; a code column keeps its raw value in
-- <column>_raw when cleaning changed it.

alter table staging.eoir_proceeding
    add column deported_1 text, add column deported_1_raw text,
    add column deported_2 text, add column deported_2_raw text;

create table staging.eoir_schedule (
    source_file_id bigint not null,
    line_number bigint not null,
    idnschedule bigint not null,
    idnproceeding bigint not null,
    idncase bigint not null,
    adj_date date,
    hearing_loc_code text, hearing_loc_code_raw text,
    base_city_code text, base_city_code_raw text,
    ij_code text, ij_code_raw text,
    lang text, lang_raw text,
    cal_type text, cal_type_raw text,
    schedule_type text, schedule_type_raw text,
    adj_rsn text, adj_rsn_raw text,
    adj_medium text, adj_medium_raw text,
    adj_time_start text,
    adj_time_stop text,
    notice_code text, notice_code_raw text,
    input_date date
);

create table staging.eoir_application (
    source_file_id bigint not null,
    line_number bigint not null,
    idnproceedingappln bigint not null,
    idnproceeding bigint not null,
    idncase bigint not null,
    appl_code text,
    appl_recd_date date,
    appl_dec text, appl_dec_raw text
);

create table staging.eoir_charge (
    source_file_id bigint not null,
    line_number bigint not null,
    idnprcdchg bigint not null,
    idncase bigint not null,
    idnproceeding bigint not null,
    charge text,
    chg_status text, chg_status_raw text
);

create table staging.eoir_custody_history (
    source_file_id bigint not null,
    line_number bigint not null,
    idncustody bigint not null,
    idncase bigint not null,
    custody text, custody_raw text,
    datdetained date,
    datreleased date
);

create table staging.eoir_application_type (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null,
    description text
);

create table staging.eoir_application_decision (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    description text
);

create table staging.eoir_adjournment_reason (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null, code_raw text,
    description text
);

create table staging.eoir_charge_code (
    source_file_id bigint not null,
    line_number bigint not null,
    code text not null,
    description text,
    criminal_flag text, criminal_flag_raw text
);

create index eoir_schedule_file_idx on staging.eoir_schedule (source_file_id);
create index eoir_application_file_idx on staging.eoir_application (source_file_id);
create index eoir_charge_file_idx on staging.eoir_charge (source_file_id);
create index eoir_custody_history_file_idx on staging.eoir_custody_history (source_file_id);

comment on column staging.eoir_proceeding.deported_1 is 'DEPORTED_1 (DEP1 in older releases): country code of the first removal destination.';
comment on column staging.eoir_proceeding.deported_2 is 'DEPORTED_2 (DEP2 in older releases): country code of the second removal destination.';
comment on table staging.eoir_schedule is 'tbl_schedule rows of the release being loaded: one per scheduled hearing.';
comment on table staging.eoir_application is 'tbl_Court_Appln rows of the release being loaded: one per relief application.';
comment on table staging.eoir_charge is 'B_TblProceedCharges rows of the release being loaded: one per charge line, duplicates included.';
comment on table staging.eoir_custody_history is 'tbl_CustodyHistory rows of the release being loaded.';
comment on table staging.eoir_application_type is 'tblLookUp_Appln rows (application codes, case-sensitive).';
comment on table staging.eoir_application_decision is 'tblLookupCourtAppDecisions rows.';
comment on table staging.eoir_adjournment_reason is 'tblAdjournmentcodes rows.';
comment on table staging.eoir_charge_code is 'tbllookupCharges rows.';
