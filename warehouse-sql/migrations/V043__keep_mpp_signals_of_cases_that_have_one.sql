-- load/int_case_mpp.sql now writes a row only for a case with an MPP signal or an MPP port court (a
-- few percent of a release's cases): fct_case and fct_proceeding left-join it by case, and a case
-- without a row has neither. The table's comment says so.
comment on table staging.int_case_mpp is 'MPP signals of a release''s cases that have one (by identifier or by location) or an MPP port court, computed by the integrate step; a case without a row has neither.';
