-- used_code: the codes and dates the release's case data use, by dimension. The staging writers record
-- each file's distinct values of the columns listed here as they stage it (staging.used_value; the columns
-- each EOIR table records are listed in eoir/EoirTables), so that the dimensions that add inferred members
-- for codes missing from their lookups, dim_date, and dim_judge for the judges of scheduled hearings, read
-- them here rather than scan millions of staged rows again. Grain: one row per dimension, code or date, and
-- the EOIR table that uses it.
create temporary table used_code on commit drop as
select distinct c.dimension, u.code, u.day, u.table_name as source_table
from staging.used_value as u
join etl.source_file as f on f.source_file_id = u.source_file_id
join (values
    ('nationality', 'A_TblCase', 'nat'),
    ('language', 'A_TblCase', 'lang'),
    ('custody', 'A_TblCase', 'custody'),
    ('case_type', 'A_TblCase', 'case_type'),
    ('court', 'A_TblCase', 'update_site'),
    ('date', 'A_TblCase', 'date_of_entry'),
    ('date', 'A_TblCase', 'e_28_date'),
    ('nationality', 'B_TblProceeding', 'nat'),
    ('language', 'B_TblProceeding', 'lang'),
    ('custody', 'B_TblProceeding', 'custody'),
    ('case_type', 'B_TblProceeding', 'case_type'),
    ('court', 'B_TblProceeding', 'base_city_code'),
    ('hearing_location', 'B_TblProceeding', 'hearing_loc_code'),
    ('hearing_location', 'B_TblProceeding', 'scheduled_hear_loc'),
    ('hearing_location', 'B_TblProceeding', 'prev_hearing_loc'),
    ('date', 'B_TblProceeding', 'osc_date'),
    ('date', 'B_TblProceeding', 'input_date'),
    ('date', 'B_TblProceeding', 'comp_date'),
    ('language', 'tbl_schedule', 'lang'),
    ('court', 'tbl_schedule', 'base_city_code'),
    ('hearing_location', 'tbl_schedule', 'hearing_loc_code'),
    ('judge', 'tbl_schedule', 'ij_code'),
    ('adjournment_reason', 'tbl_schedule', 'adj_rsn'),
    ('date', 'tbl_schedule', 'adj_date'),
    ('date', 'tbl_Court_Appln', 'appl_recd_date'),
    ('application_type', 'tbl_Court_Appln', 'appl_code'),
    ('application_decision', 'tbl_Court_Appln', 'appl_dec'),
    ('charge', 'B_TblProceedCharges', 'charge'),
    ('case_identifier', 'A_TblCaseIdentifier', 'case_id'),
    ('custody', 'tbl_CustodyHistory', 'custody'),
    ('date', 'tbl_CustodyHistory', 'datdetained'),
    ('date', 'tbl_CustodyHistory', 'datreleased')
) as c (dimension, table_name, column_name)
    on c.table_name = u.table_name and c.column_name = u.column_name
where f.release_key = :release_key;
