-- The case's MPP hearing location as int_case_mpp.sql now chooses it: a proceeding held at a port
-- court comes before one only scheduled or previously heard at one.
comment on column warehouse.fct_case.mpp_hearing_location_key is 'The case''s MPP hearing location: the port court of its earliest proceeding (by input date, then id) held at one; for a case none of whose proceedings is held at one, the port court of its earliest proceeding scheduled or previously heard there, or with a hearing scheduled there; kept after a transfer out. -1 when the case is not MPP by location.';
comment on column staging.int_case_mpp.mpp_hearing_loc_code is 'MPP port court of the case''s earliest proceeding held at one, else of its earliest proceeding with another MPP signal; null when the case has none.';
