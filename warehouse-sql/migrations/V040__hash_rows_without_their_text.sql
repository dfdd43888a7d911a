-- A fact's row hash, which tells a row the release changed from one it did not, is the 64-bit
-- hash_record_extended of the row's attributes rather than the md5 of their text: the text of a
-- record and its md5 cost about three times as much, for every row of every release. A changed row
-- is missed only if its two hashes collide, about one chance in 2^64. Rows already loaded get the
-- hash the load computes from the same attributes, which the fact keeps, so the next release
-- tells the rows it changed as before.
alter table warehouse.fct_case alter column row_hash type bigint using hash_record_extended(row(
    nationality_key, language_key, custody_key, case_type_key, court_key,
    date_of_entry_key, is_mpp, mpp_by_identifier, mpp_by_location, mpp_hearing_location_key,
    nat_raw, case_type_raw
), 0);

alter table warehouse.fct_proceeding alter column row_hash type bigint using hash_record_extended(row(
    case_id, court_key, hearing_location_key, judge_key, case_type_key, nationality_key,
    language_key, custody_key, nta_date_key, input_date_key, completion_date_key,
    decision_key, outcome_group, is_completed, is_in_absentia, is_represented, is_mpp,
    dec_code_raw, other_comp_raw, deported_1, deported_2
), 0);

alter table warehouse.fct_hearing alter column row_hash type bigint using hash_record_extended(row(
    proceeding_id, case_id, hearing_date_key, hearing_location_key, court_key, judge_key,
    language_key, calendar_type, schedule_type, adjournment_reason_code, adjournment_reason_key,
    hearing_medium, hearing_medium_raw
), 0);

alter table warehouse.fct_application alter column row_hash type bigint using hash_record_extended(row(
    proceeding_id, case_id, application_type_key, application_decision_key, received_date_key,
    decision_date_key, court_key, nationality_key, is_mpp
), 0);

alter table warehouse.fct_charge alter column row_hash type bigint using hash_record_extended(
    row(proceeding_id, case_id, charge_key, charge_status, charge_status_raw), 0
);

alter table warehouse.fct_custody_period alter column row_hash type bigint using hash_record_extended(
    row(case_id, custody_key, detained_date_key, released_date_key), 0
);

comment on column warehouse.fct_case.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
comment on column warehouse.fct_proceeding.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
comment on column warehouse.fct_hearing.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
comment on column warehouse.fct_application.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
comment on column warehouse.fct_charge.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
comment on column warehouse.fct_custody_period.row_hash is '64-bit hash of the row''s attributes (hash_record_extended), to detect changes between releases.';
