-- The MPP hearing location of a case, kept on the case: the location of its earliest proceeding (by
-- input date, then id) with an MPP signal, whether the proceeding was heard, scheduled or previously
-- heard at an MPP port court, or had a hearing scheduled at one. reporting.mpp_case_outcomes groups by
-- it; a case that is MPP by identifier alone has none.

alter table staging.int_case_mpp add column mpp_hearing_loc_code text;

comment on column staging.int_case_mpp.mpp_hearing_loc_code is 'MPP port court of the case''s earliest proceeding with an MPP signal; null when the case has none.';

alter table warehouse.fct_case add column mpp_hearing_location_key bigint not null default -1;

comment on column warehouse.fct_case.mpp_hearing_location_key is 'The case''s MPP hearing location: the MPP port court of its earliest proceeding (by input date, then id) heard, scheduled or previously heard there, or with a hearing scheduled there; kept after a transfer out. -1 when the case is not MPP by location.';
