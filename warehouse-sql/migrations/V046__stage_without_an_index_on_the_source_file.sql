-- The large EOIR staging tables lose their index on source_file_id. Every statement that reads staged
-- rows reads a whole release (the facts, the dimensions' codes, the checks), which a staging table
-- nearly always holds alone, so the planner scans the table and never used the index; but every row
-- COPY staged paid an index entry. Staging a release of 2,000,000 proceedings into fresh databases of
-- a local PostgreSQL: 34.2 to 37.0 s with the indexes, 29.8 to 32.9 s without. The few statements that
-- pick one file's rows (clearing an abandoned attempt, counting a staged file) scan the table instead.
drop index staging.eoir_case_file_idx;
drop index staging.eoir_case_identifier_file_idx;
drop index staging.eoir_proceeding_file_idx;
drop index staging.eoir_reps_assigned_file_idx;
drop index staging.eoir_schedule_file_idx;
drop index staging.eoir_application_file_idx;
drop index staging.eoir_charge_file_idx;
drop index staging.eoir_custody_history_file_idx;
