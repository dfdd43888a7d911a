-- The staging writers record four more columns' values for the dimensions (load/used_code.sql): the charge
-- of B_TblProceedCharges (dim_charge), the application code and decision of tbl_Court_Appln
-- (dim_application_type, dim_application_decision) and the identifier code of A_TblCaseIdentifier
-- (dim_case_identifier), whose inferred members had each been found by reading the staged rows again.
-- Files staged before this version (a failed run waiting for its restart) have their values recorded here.
do $$
declare
    used record;
begin
    for used in
        select * from (values
            ('staging.eoir_charge', 'B_TblProceedCharges', 'charge'),
            ('staging.eoir_application', 'tbl_Court_Appln', 'appl_code'),
            ('staging.eoir_application', 'tbl_Court_Appln', 'appl_dec'),
            ('staging.eoir_case_identifier', 'A_TblCaseIdentifier', 'case_id')
        ) as v (staging_table, table_name, column_name)
    loop
        execute format(
            'insert into staging.used_value (source_file_id, table_name, column_name, code, day) '
            'select distinct source_file_id, %L, %L, %I, null::date from %s where %I is not null',
            used.table_name, used.column_name, used.column_name, used.staging_table, used.column_name);
    end loop;
end
$$;
