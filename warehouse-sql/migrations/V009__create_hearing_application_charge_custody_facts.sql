-- Facts of the rest of the EOIR release. Like fct_case and fct_proceeding (V006): each release is
-- a full snapshot diffed by key and row hash; a key absent from a release that carries its table
-- is soft-deleted (deleted_in_release_key), revived when it reappears; release_key names the
-- release that last changed the row. Dimension keys are verified by warehouse-sql/checks.

alter table warehouse.fct_proceeding
    add column deported_1 text,
    add column deported_2 text;

comment on column warehouse.fct_proceeding.deported_1 is 'DEPORTED_1 (DEP1 in older releases): EOIR country code of the first removal destination; null when none.';
comment on column warehouse.fct_proceeding.deported_2 is 'DEPORTED_2 (DEP2 in older releases): EOIR country code of the second removal destination; null when none.';

create table warehouse.fct_hearing (
    schedule_id bigint primary key,
    proceeding_id bigint not null,
    case_id bigint not null,
    hearing_date_key int not null,
    hearing_location_key bigint not null,
    court_key bigint not null,
    judge_key bigint not null,
    language_key bigint not null,
    calendar_type text,
    schedule_type text,
    adjournment_reason_code text,
    adjournment_reason_key bigint not null,
    hearing_medium text,
    hearing_medium_raw text,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

create index fct_hearing_proceeding_idx on warehouse.fct_hearing (proceeding_id);

comment on table warehouse.fct_hearing is 'One row per scheduled hearing (IDNSCHEDULE) of a proceeding, from tbl_schedule. A scheduled date is not proof the hearing was held: cancelled hearings stay, and the adjournment reason tells what happened.';
comment on column warehouse.fct_hearing.schedule_id is 'IDNSCHEDULE.';
comment on column warehouse.fct_hearing.proceeding_id is 'IDNPROCEEDING of the proceeding the hearing belongs to.';
comment on column warehouse.fct_hearing.case_id is 'IDNCASE.';
comment on column warehouse.fct_hearing.hearing_date_key is 'Scheduled date (ADJ_DATE); future dates are hearings still to come; -1 when unknown.';
comment on column warehouse.fct_hearing.hearing_location_key is 'Hearing location (HEARING_LOC_CODE); MPP port courts among them.';
comment on column warehouse.fct_hearing.court_key is 'Court (BASE_CITY_CODE).';
comment on column warehouse.fct_hearing.judge_key is 'Judge (IJ_CODE), the version current when the release was loaded.';
comment on column warehouse.fct_hearing.language_key is 'Language of the hearing (LANG).';
comment on column warehouse.fct_hearing.calendar_type is 'CAL_TYPE: M master, I individual, ...';
comment on column warehouse.fct_hearing.schedule_type is 'SCHEDULE_TYPE: MM initial master, IA individual asylum, ... (the literal NA is Naturalization).';
comment on column warehouse.fct_hearing.adjournment_reason_code is 'ADJ_RSN, the adjournment code; null when none was recorded.';
comment on column warehouse.fct_hearing.adjournment_reason_key is 'The adjournment reason in dim_adjournment_reason; -1 when none.';
comment on column warehouse.fct_hearing.hearing_medium is 'ADJ_MEDIUM upper-cased: P in person, V video, T telephone, ...';
comment on column warehouse.fct_hearing.hearing_medium_raw is 'ADJ_MEDIUM as delivered, when cleaning changed it (lower-case p, ...).';
comment on column warehouse.fct_hearing.first_seen_release_key is 'First release that contained the hearing.';
comment on column warehouse.fct_hearing.last_seen_release_key is 'Latest release that contained the hearing.';
comment on column warehouse.fct_hearing.deleted_in_release_key is 'Release from which the hearing is absent (soft delete); null while present.';
comment on column warehouse.fct_hearing.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_hearing.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';

create table warehouse.fct_application (
    application_id bigint primary key,
    proceeding_id bigint not null,
    case_id bigint not null,
    application_type_key bigint not null,
    application_decision_key bigint not null,
    received_date_key int not null,
    decision_date_key int not null,
    court_key bigint not null,
    nationality_key bigint not null,
    is_mpp boolean not null,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

create index fct_application_proceeding_idx on warehouse.fct_application (proceeding_id);

comment on table warehouse.fct_application is 'One row per application for relief (IDNPROCEEDINGAPPLN: asylum, withholding, cancellation, ...) filed in a proceeding, from tbl_Court_Appln.';
comment on column warehouse.fct_application.application_id is 'IDNPROCEEDINGAPPLN.';
comment on column warehouse.fct_application.proceeding_id is 'IDNPROCEEDING of the proceeding the application was filed in.';
comment on column warehouse.fct_application.case_id is 'IDNCASE.';
comment on column warehouse.fct_application.application_type_key is 'Kind of application (APPL_CODE, case-sensitive).';
comment on column warehouse.fct_application.application_decision_key is 'Decision on the application (APPL_DEC); -1 while undecided.';
comment on column warehouse.fct_application.received_date_key is 'Date the court received the application (APPL_RECD_DATE).';
comment on column warehouse.fct_application.decision_date_key is 'The completion date of its proceeding (the contract''s decision date); -1 while the proceeding is pending.';
comment on column warehouse.fct_application.court_key is 'Court of its proceeding.';
comment on column warehouse.fct_application.nationality_key is 'Nationality of the case (of the proceeding when the case row is missing).';
comment on column warehouse.fct_application.is_mpp is 'The application belongs to an MPP case.';
comment on column warehouse.fct_application.first_seen_release_key is 'First release that contained the application.';
comment on column warehouse.fct_application.last_seen_release_key is 'Latest release that contained the application.';
comment on column warehouse.fct_application.deleted_in_release_key is 'Release from which the application is absent (soft delete, e.g. withheld under a FOIA exemption); null while present.';
comment on column warehouse.fct_application.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_application.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';

create table warehouse.fct_charge (
    charge_id bigint primary key,
    proceeding_id bigint not null,
    case_id bigint not null,
    charge_key bigint not null,
    charge_status text,
    charge_status_raw text,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

create index fct_charge_proceeding_idx on warehouse.fct_charge (proceeding_id);

comment on table warehouse.fct_charge is 'One row per distinct charge of a proceeding, from B_TblProceedCharges; exact duplicate lines (same proceeding, case, charge and status) are collapsed into the one with the lowest IDNPRCDCHG, and recorded in etl.dedup_decision.';
comment on column warehouse.fct_charge.charge_id is 'IDNPRCDCHG of the line kept.';
comment on column warehouse.fct_charge.proceeding_id is 'IDNPROCEEDING.';
comment on column warehouse.fct_charge.case_id is 'IDNCASE.';
comment on column warehouse.fct_charge.charge_key is 'The charge (CHARGE, an INA cite) in dim_charge.';
comment on column warehouse.fct_charge.charge_status is 'CHG_STATUS upper-cased: S sustained, O, N, W withdrawn, ...';
comment on column warehouse.fct_charge.charge_status_raw is 'CHG_STATUS as delivered, when cleaning changed it.';
comment on column warehouse.fct_charge.first_seen_release_key is 'First release that contained the charge.';
comment on column warehouse.fct_charge.last_seen_release_key is 'Latest release that contained the charge.';
comment on column warehouse.fct_charge.deleted_in_release_key is 'Release from which the charge is absent (soft delete); null while present.';
comment on column warehouse.fct_charge.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_charge.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';

create table warehouse.fct_custody_period (
    custody_history_id bigint primary key,
    case_id bigint not null,
    custody_key bigint not null,
    detained_date_key int not null,
    released_date_key int not null,
    first_seen_release_key bigint not null,
    last_seen_release_key bigint not null,
    deleted_in_release_key bigint,
    release_key bigint not null,
    row_hash text not null
);

create index fct_custody_period_case_idx on warehouse.fct_custody_period (case_id);

comment on table warehouse.fct_custody_period is 'One row per custody history entry of a case (IDNCUSTODY), from tbl_CustodyHistory: a custody status with the dates of detention and release.';
comment on column warehouse.fct_custody_period.custody_history_id is 'IDNCUSTODY.';
comment on column warehouse.fct_custody_period.case_id is 'IDNCASE.';
comment on column warehouse.fct_custody_period.custody_key is 'Custody status (CUSTODY).';
comment on column warehouse.fct_custody_period.detained_date_key is 'Date detained (DATDETAINED); -1 when unknown.';
comment on column warehouse.fct_custody_period.released_date_key is 'Date released (DATRELEASED); -1 while detained or unknown.';
comment on column warehouse.fct_custody_period.first_seen_release_key is 'First release that contained the entry.';
comment on column warehouse.fct_custody_period.last_seen_release_key is 'Latest release that contained the entry.';
comment on column warehouse.fct_custody_period.deleted_in_release_key is 'Release from which the entry is absent (soft delete); null while present.';
comment on column warehouse.fct_custody_period.release_key is 'Release that last inserted, changed, deleted or revived the row.';
comment on column warehouse.fct_custody_period.row_hash is 'Hash of the row''s attributes, to detect changes between releases.';
