-- The data dictionary covers every table and column the migrations create: the job repository's tables (Spring
-- Batch's DDL carries no text), the migrations' own history and the staging columns, which only the loader reads
-- but operators query when a load stops on a line.

comment on table batch.batch_job_instance is 'One job with its identifying parameters: the load of one EOIR release, OHSS edition or CBP file. A restart runs the same instance again.';
comment on column batch.batch_job_instance.job_instance_id is 'Key of the job instance.';
comment on column batch.batch_job_instance.version is 'Spring Batch''s optimistic-locking version of the row.';
comment on column batch.batch_job_instance.job_name is 'The job''s name: which kind of load it is.';
comment on column batch.batch_job_instance.job_key is 'Hash of the identifying parameters (batch_job_execution_params.identifying = ''Y''), which tell one instance of a job from another.';

comment on table batch.batch_job_execution is 'One run of a job instance: the first, and each restart after a failure or a stop. etl.load_run holds its counts.';
comment on column batch.batch_job_execution.job_execution_id is 'Key of the run; the job_execution_id of etl.load_run and reporting.load_history.';
comment on column batch.batch_job_execution.version is 'Spring Batch''s optimistic-locking version of the row.';
comment on column batch.batch_job_execution.job_instance_id is 'The job instance it runs (batch_job_instance).';
comment on column batch.batch_job_execution.create_time is 'When the run was created.';
comment on column batch.batch_job_execution.start_time is 'When it started; null until then.';
comment on column batch.batch_job_execution.end_time is 'When it ended; null while it runs, or when its process died under it.';
comment on column batch.batch_job_execution.status is 'Spring Batch''s status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED or UNKNOWN.';
comment on column batch.batch_job_execution.exit_code is 'The run''s exit code (COMPLETED, FAILED, STOPPED, ...).';
comment on column batch.batch_job_execution.exit_message is 'What ended the run when it did not complete: the failure''s messages and stack trace, cut to the column''s length.';
comment on column batch.batch_job_execution.last_updated is 'When the row was last written.';

comment on table batch.batch_job_execution_params is 'The parameters of each run: the release''s label and folder or the file''s path, and others.';
comment on column batch.batch_job_execution_params.job_execution_id is 'The run (batch_job_execution).';
comment on column batch.batch_job_execution_params.parameter_name is 'Name of the parameter.';
comment on column batch.batch_job_execution_params.parameter_type is 'Java type of its value, as Spring Batch converts it.';
comment on column batch.batch_job_execution_params.parameter_value is 'Its value as text (text since V059: a path can be longer than Spring Batch''s 2,500 characters).';
comment on column batch.batch_job_execution_params.identifying is 'Y when the parameter tells one job instance from another (batch_job_instance.job_key), N otherwise.';

comment on table batch.batch_job_execution_context is 'What a run keeps between its steps and across a restart, serialized.';
comment on column batch.batch_job_execution_context.job_execution_id is 'The run (batch_job_execution).';
comment on column batch.batch_job_execution_context.short_context is 'The serialized context, cut to 2,500 characters.';
comment on column batch.batch_job_execution_context.serialized_context is 'The whole serialized context when it is longer than short_context holds; null otherwise.';

comment on table batch.batch_step_execution is 'One run of a step of a job run (for an EOIR release: registerRelease, stageRelease with a stageTable step per file, publishRelease), with its counts of reads, writes, skips and commits.';
comment on column batch.batch_step_execution.step_execution_id is 'Key of the step run.';
comment on column batch.batch_step_execution.version is 'Spring Batch''s optimistic-locking version of the row.';
comment on column batch.batch_step_execution.step_name is 'The step''s name (stageTable:<table>#<n> for the staging of one file of an EOIR release, tbl_schedule say).';
comment on column batch.batch_step_execution.job_execution_id is 'The job run it belongs to (batch_job_execution).';
comment on column batch.batch_step_execution.create_time is 'When the step run was created.';
comment on column batch.batch_step_execution.start_time is 'When it started; null until then.';
comment on column batch.batch_step_execution.end_time is 'When it ended; null while it runs, or when its process died under it.';
comment on column batch.batch_step_execution.status is 'Spring Batch''s status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED or UNKNOWN.';
comment on column batch.batch_step_execution.commit_count is 'Transactions the step committed (a chunk each, for a chunk step).';
comment on column batch.batch_step_execution.read_count is 'Items read.';
comment on column batch.batch_step_execution.filter_count is 'Items the processor filtered out.';
comment on column batch.batch_step_execution.write_count is 'Items written.';
comment on column batch.batch_step_execution.read_skip_count is 'Items skipped on reading.';
comment on column batch.batch_step_execution.write_skip_count is 'Items skipped on writing.';
comment on column batch.batch_step_execution.process_skip_count is 'Items skipped in processing.';
comment on column batch.batch_step_execution.rollback_count is 'Transactions rolled back.';
comment on column batch.batch_step_execution.exit_code is 'The step run''s exit code (COMPLETED, FAILED, STOPPED, ...).';
comment on column batch.batch_step_execution.exit_message is 'What ended the step run when it did not complete: the failure''s messages and stack trace, cut to the column''s length.';
comment on column batch.batch_step_execution.last_updated is 'When the row was last written.';

comment on table batch.batch_step_execution_context is 'What a step run keeps across a restart, serialized.';
comment on column batch.batch_step_execution_context.step_execution_id is 'The step run (batch_step_execution).';
comment on column batch.batch_step_execution_context.short_context is 'The serialized context, cut to 2,500 characters.';
comment on column batch.batch_step_execution_context.serialized_context is 'The whole serialized context when it is longer than short_context holds; null otherwise.';

comment on table flyway_schema_history is 'The migrations applied to this database (Flyway): warehouse-sql/migrations and warehouse-sql/views, in the order they ran.';
comment on column flyway_schema_history.installed_rank is 'Order in which the migration ran.';
comment on column flyway_schema_history.version is 'Version of a versioned migration (the N of VN__name.sql); null for a repeatable one.';
comment on column flyway_schema_history.description is 'The migration''s name, from its file or class.';
comment on column flyway_schema_history.type is 'SQL, JDBC (a Java migration) or another kind of entry Flyway records.';
comment on column flyway_schema_history.script is 'The file or class of the migration.';
comment on column flyway_schema_history.checksum is 'Checksum of the migration as it ran: a migration file changed after it ran fails the validation at start.';
comment on column flyway_schema_history.installed_by is 'The database user that ran it.';
comment on column flyway_schema_history.installed_on is 'When it ran.';
comment on column flyway_schema_history.execution_time is 'How long it took, in milliseconds.';
comment on column flyway_schema_history.success is 'Whether it completed.';

-- Where each staged row came from.
comment on column staging.cbp_encounter.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.cbp_encounter.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_adjournment_reason.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_adjournment_reason.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_application.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_application.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_application_decision.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_application_decision.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_application_type.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_application_type.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_base_city.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_base_city.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_case.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_case.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_case_identifier.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_case_identifier.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_case_identifier_type.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_case_identifier_type.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_case_type.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_case_type.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_charge.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_charge.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_charge_code.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_charge_code.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_court_decision.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_court_decision.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_custody_history.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_custody_history.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_custody_status.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_custody_status.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_hearing_location.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_hearing_location.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_judge.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_judge.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_language.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_language.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_nationality.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_nationality.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_proceeding.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_proceeding.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_reps_assigned.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_reps_assigned.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.eoir_schedule.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.eoir_schedule.line_number is 'Line of the row in that file, the header being line 1.';
comment on column staging.ohss_cell.source_file_id is 'The delivered file the row was read from (etl.source_file).';
comment on column staging.ohss_cell.line_number is 'Row of the cell in its sheet, the first row being 1.';

-- staging.eoir_case: A_TblCase
comment on column staging.eoir_case.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_case.nat is 'NAT: nationality code (EOIR''s own two-letter codes, tblLookupAlienNat; not ISO). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_case.nat_raw is 'NAT as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';
comment on column staging.eoir_case.lang is 'LANG: language code (tblLanguage). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_case.custody is 'CUSTODY: custody status code (tblLookupCustodyStatus). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_case.case_type is 'CASE_TYPE (CASETYPE in older releases): case type code (tblLookupCaseType; RMV removal). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_case.case_type_raw is 'CASE_TYPE as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';
comment on column staging.eoir_case.update_site is 'UPDATE_SITE: base city code of the court that last updated the case. Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_case.date_of_entry is 'DATE_OF_ENTRY: date of the person''s entry into the United States. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_case.e_28_date is 'E_28_DATE: date of the EOIR-28 (notice of appearance of a representative). The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';

-- staging.eoir_case_identifier: A_TblCaseIdentifier
comment on column staging.eoir_case_identifier.idncaseid is 'IDNCASEID: key of the identifier line. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_case_identifier.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_case_identifier.case_id is 'CASE_ID: case identifier code (tblLookUpCaseIdentifier; MP and RM mark an MPP case). Trimmed and upper-cased; null when blank or N/A.';

-- staging.eoir_proceeding: B_TblProceeding
comment on column staging.eoir_proceeding.idnproceeding is 'IDNPROCEEDING: EOIR''s number of the proceeding. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_proceeding.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_proceeding.osc_date is 'OSC_DATE: date of the charging document (notice to appear). The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_proceeding.input_date is 'INPUT_DATE: date the proceeding was entered. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_proceeding.comp_date is 'COMP_DATE: date of the judge''s decision that completed the proceeding; null while pending. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_proceeding.base_city_code is 'BASE_CITY_CODE: base city code of the court (tblLookupBaseCity). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.hearing_loc_code is 'HEARING_LOC_CODE: hearing location code (tblLookupHloc). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.scheduled_hear_loc is 'SCHEDULED_HEAR_LOC: hearing location code of the next scheduled hearing. Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.prev_hearing_loc is 'PREV_HEARING_LOC: hearing location code of the previous hearing. Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.ij_code is 'IJ_CODE: immigration judge code (tblLookupJudge). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.dec_code is 'DEC_CODE: decision code on the merits, read with the case type (tblLookupCourtDecision, kind C). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.dec_code_raw is 'DEC_CODE as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';
comment on column staging.eoir_proceeding.other_comp is 'OTHER_COMP: other completion code (an administrative completion, tblLookupCourtDecision, kind O). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.other_comp_raw is 'OTHER_COMP as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';
comment on column staging.eoir_proceeding.absentia is 'ABSENTIA: Y when the proceeding was decided in absentia. Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.custody is 'CUSTODY: custody status code (tblLookupCustodyStatus). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.case_type is 'CASE_TYPE (CASETYPE in older releases): case type code (tblLookupCaseType; RMV removal). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.nat is 'NAT: nationality code (EOIR''s own two-letter codes, tblLookupAlienNat; not ISO). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_proceeding.lang is 'LANG: language code (tblLanguage). Trimmed and upper-cased; null when blank or N/A.';

-- staging.eoir_schedule: tbl_schedule
comment on column staging.eoir_schedule.idnschedule is 'IDNSCHEDULE: EOIR''s number of the scheduled hearing. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_schedule.idnproceeding is 'IDNPROCEEDING: EOIR''s number of the proceeding. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_schedule.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_schedule.adj_date is 'ADJ_DATE: date the hearing is or was set for (future dates are normal). The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_schedule.hearing_loc_code is 'HEARING_LOC_CODE: hearing location code (tblLookupHloc). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.base_city_code is 'BASE_CITY_CODE: base city code of the court (tblLookupBaseCity). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.ij_code is 'IJ_CODE: immigration judge code (tblLookupJudge). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.lang is 'LANG: language code (tblLanguage). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.cal_type is 'CAL_TYPE: calendar type (M master, I individual, ...). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.schedule_type is 'SCHEDULE_TYPE: schedule type (MM initial master, IA individual asylum, ...; the literal NA is Naturalization, not a null). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.adj_rsn is 'ADJ_RSN: adjournment reason code (tblAdjournmentcodes). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.adj_medium is 'ADJ_MEDIUM: hearing medium code (P in person, V video, T telephone, ...). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_schedule.adj_medium_raw is 'ADJ_MEDIUM as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';

-- staging.eoir_application: tbl_Court_Appln
comment on column staging.eoir_application.idnproceedingappln is 'IDNPROCEEDINGAPPLN: EOIR''s number of the relief application. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_application.idnproceeding is 'IDNPROCEEDING: EOIR''s number of the proceeding. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_application.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_application.appl_code is 'APPL_CODE: application type code (tblLookUp_Appln; 212c is not 212C). Trimmed, its letter case kept; null when blank or N/A.';
comment on column staging.eoir_application.appl_recd_date is 'APPL_RECD_DATE: date the application was received. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_application.appl_dec is 'APPL_DEC: decision code on the application (tblLookupCourtAppDecisions). Trimmed and upper-cased; null when blank or N/A.';

-- staging.eoir_charge: B_TblProceedCharges
comment on column staging.eoir_charge.idnprcdchg is 'IDNPRCDCHG: EOIR''s number of the charge line. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_charge.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_charge.idnproceeding is 'IDNPROCEEDING: EOIR''s number of the proceeding. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_charge.charge is 'CHARGE: charge code, a compressed INA cite such as 212a6Ai (tbllookupCharges). Trimmed, its letter case kept; null when blank or N/A.';
comment on column staging.eoir_charge.chg_status is 'CHG_STATUS: status of the charge (S sustained, O, N, W withdrawn, ...). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_charge.chg_status_raw is 'CHG_STATUS as delivered, padding included, when upper-casing changed it (the fact keeps it beside the code); null otherwise.';

-- staging.eoir_custody_history: tbl_CustodyHistory
comment on column staging.eoir_custody_history.idncustody is 'IDNCUSTODY: EOIR''s number of the custody line. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_custody_history.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_custody_history.custody is 'CUSTODY: custody status code (tblLookupCustodyStatus). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_custody_history.datdetained is 'DATDETAINED: date of detention. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';
comment on column staging.eoir_custody_history.datreleased is 'DATRELEASED: date of release from detention. The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';

-- staging.eoir_reps_assigned: tbl_RepsAssigned
comment on column staging.eoir_reps_assigned.idnrepsassigned is 'IDNREPSASSIGNED: EOIR''s number of the representation line. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_reps_assigned.idncase is 'IDNCASE: EOIR''s number of the case. An integer: a line without one, or with one that is not an integer, is rejected.';
comment on column staging.eoir_reps_assigned.strattylevel is 'STRATTYLEVEL: level of the representation (COURT or BOARD). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_reps_assigned.strattytype is 'STRATTYTYPE: whom the representative represents (ALIEN or INS). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_reps_assigned.parent_table is 'PARENT_TABLE: the table the representation points at (A_TblCase or B_TblProceeding, in any letter case). Trimmed and upper-cased; null when blank or N/A.';
comment on column staging.eoir_reps_assigned.parent_idn is 'PARENT_IDN: the key of the case or proceeding it points at in that table. An integer; null when absent or not an integer.';
comment on column staging.eoir_reps_assigned.e_28_date is 'E_28_DATE: date of the EOIR-28 (notice of appearance of a representative). The day of its YYYY-MM-DD HH:MM:SS.mmm value; null when blank, N/A or b6; any other value rejects the line (date_invalid).';

-- staging.eoir_nationality: tblLookupAlienNat, tblLookupNationality
comment on column staging.eoir_nationality.code is 'strCode (NAT_CODE in older releases): nationality code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_nationality.name is 'strDescription (NAT_NAME in older releases): country name. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_language: tblLanguage
comment on column staging.eoir_language.code is 'strCode: language code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_language.name is 'strDescription: language name. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_base_city: tblLookupBaseCity
comment on column staging.eoir_base_city.base_city_code is 'BASE_CITY_CODE: base city code of the court. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_base_city.base_city_name is 'BASE_CITY_NAME: name of the court. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_base_city.base_city is 'BASE_CITY: its city. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_base_city.base_state is 'BASE_STATE: its state. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_hearing_location: tblLookupHloc
comment on column staging.eoir_hearing_location.hearing_loc_code is 'HEARING_LOC_CODE: hearing location code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_hearing_location.hearing_loc_name is 'HEARING_LOC_NAME: name of the hearing location. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_hearing_location.hearing_city is 'HEARING_CITY: its city. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_hearing_location.hearing_state is 'HEARING_STATE: its state. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_hearing_location.hearing_base_city is 'HEARING_BASE_CITY: base city code of the court it belongs to. Trimmed and upper-cased; null when blank or N/A.';

-- staging.eoir_judge: tblLookupJudge
comment on column staging.eoir_judge.judge_code is 'JUDGE_CODE: immigration judge code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_judge.judge_name is 'JUDGE_NAME: the judge''s name. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_case_type: tblLookupCaseType
comment on column staging.eoir_case_type.code is 'strCode: case type code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_case_type.description is 'strDescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_custody_status: tblLookupCustodyStatus
comment on column staging.eoir_custody_status.code is 'strCode: custody status code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_custody_status.description is 'strDescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_court_decision: tblLookupCourtDecision
comment on column staging.eoir_court_decision.case_type is 'strCaseType: case type code the decision code belongs to. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_court_decision.dec_code is 'strDecCode: decision code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_court_decision.dec_type is 'strDecType: kind of decision: C on the merits (DEC_CODE), O other completion (OTHER_COMP). Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_court_decision.description is 'strDecDescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_case_identifier_type: tblLookUpCaseIdentifier
comment on column staging.eoir_case_identifier_type.code is 'strcode: case identifier code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_case_identifier_type.description is 'strDescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_application_type: tblLookUp_Appln
comment on column staging.eoir_application_type.code is 'strcode: application type code (letter case carries meaning). Trimmed, its letter case kept; a line without one is rejected.';
comment on column staging.eoir_application_type.description is 'strdescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_application_decision: tblLookupCourtAppDecisions
comment on column staging.eoir_application_decision.code is 'strCourtApplnDecCode: application decision code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_application_decision.description is 'strCourtApplnDecDesc: its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_adjournment_reason: tblAdjournmentcodes
comment on column staging.eoir_adjournment_reason.code is 'strcode: adjournment reason code. Trimmed and upper-cased; a line without one is rejected.';
comment on column staging.eoir_adjournment_reason.description is 'strDesciption (strDescription in older releases): its description. Trimmed; null when blank, N/A or the redaction marker b6.';

-- staging.eoir_charge_code: tbllookupCharges
comment on column staging.eoir_charge_code.code is 'strCode: charge code (INA cite; letter case carries meaning). Trimmed, its letter case kept; a line without one is rejected.';
comment on column staging.eoir_charge_code.description is 'strCodeDescription: its description. Trimmed; null when blank, N/A or the redaction marker b6.';
comment on column staging.eoir_charge_code.criminal_flag is 'criminal_flag: the lookup''s criminal flag of the charge. Trimmed and upper-cased; null when blank or N/A.';

-- staging.cbp_encounter: a CBP encounters file (text trimmed, blank values null, columns its variant lacks null)
comment on column staging.cbp_encounter.fiscal_year is 'Fiscal Year (October to September); 2026 for 2026 (FYTD).';
comment on column staging.cbp_encounter.fiscal_month is 'Month (abbv) as the month of the fiscal year, 1 = October.';
comment on column staging.cbp_encounter.month_start is 'First day of that month (October to December fall in the calendar year before the fiscal year).';
comment on column staging.cbp_encounter.component is 'Component: Office of Field Operations or U.S. Border Patrol; null in the state variant.';
comment on column staging.cbp_encounter.land_border_region is 'Land Border Region (Southwest Land Border, Northern Land Border, Other).';
comment on column staging.cbp_encounter.area_of_responsibility is 'Area of Responsibility: OFO field office or USBP sector; null in the state variant.';
comment on column staging.cbp_encounter.aor_abbv is 'AOR (Abbv): abbreviation of the area of responsibility; null in the state variant.';
comment on column staging.cbp_encounter.state is 'State, two letters, upper-cased; null in the area of responsibility variant.';
comment on column staging.cbp_encounter.demographic is 'Demographic (Single Adults, Accompanied Minors, ...).';
comment on column staging.cbp_encounter.citizenship_label is 'Citizenship as the file prints it (CHINA, PEOPLES REPUBLIC OF).';
comment on column staging.cbp_encounter.title_of_authority is 'Title of Authority: Title 8 or Title 42.';
comment on column staging.cbp_encounter.encounter_type is 'Encounter Type as delivered; in the state variant, which lacks the column, Expulsions for Title 42 rows and null for Title 8 rows.';
comment on column staging.cbp_encounter.encounter_count is 'Encounter Count, 0 or more (thousands separators read).';

-- staging.ohss_cell: the cells of an OHSS workbook in long form
comment on column staging.ohss_cell.table_name is 'The table''s sheet name, as the workbook prints it.';
comment on column staging.ohss_cell.fiscal_year is 'Fiscal year (October to September); 2024 for the row labelled 2024 YTD.';
comment on column staging.ohss_cell.fiscal_month is 'Month of the fiscal year, 1 = October; null on a fiscal-year total row.';
comment on column staging.ohss_cell.group_label is 'Merged group header over the column, footnote digits stripped; null in a one-level table.';
comment on column staging.ohss_cell.measure_label is 'Column header, footnote digits stripped; in a table whose columns are citizenships, what the table counts.';
comment on column staging.ohss_cell.citizenship_label is 'Citizenship as printed, in a citizenship table; null elsewhere.';
comment on column staging.ohss_cell.value is 'The published number; null unless value_status is reported.';
comment on column staging.ohss_cell.value_status is 'reported, not_applicable (X), not_available (NA), withheld (D) or zero_dash (-).';
comment on column staging.ohss_cell.cell_reference is 'Where the cell is in its sheet (F52).';

-- The intermediates of the integrate step, and the values the staging writers record
comment on column staging.int_case_mpp.release_key is 'The EOIR release (warehouse.dim_release) being published.';
comment on column staging.int_case_mpp.case_id is 'The case (IDNCASE).';
comment on column staging.int_case_mpp.mpp_by_identifier is 'The case has an A_TblCaseIdentifier CASE_ID of MP or RM.';
comment on column staging.int_case_mpp.mpp_by_location is 'One of the case''s proceedings or scheduled hearings is at an MPP port court.';
comment on column staging.int_first_representation.release_key is 'The EOIR release (warehouse.dim_release) being published.';
comment on column staging.int_first_representation.parent_table is 'What the representations point at: B_TBLPROCEEDING or A_TBLCASE (PARENT_TABLE upper-cased).';
comment on column staging.int_first_representation.parent_idn is 'The proceeding or case they point at (PARENT_IDN).';
comment on column staging.int_first_representation.first_e_28_date is 'The earliest E_28_DATE among them.';
comment on column staging.int_judge_version.release_key is 'The EOIR release (warehouse.dim_release) being published.';
comment on column staging.int_judge_version.judge_key is 'The version of the judge (warehouse.dim_judge).';
comment on column staging.int_judge_version.judge_code is 'The judge''s code (IJ_CODE).';
comment on column staging.int_judge_version.is_current is 'Whether it is the judge''s current version.';
comment on column staging.int_judge_version.valid_to is 'As in warehouse.dim_judge: the as-of date of the release that replaced the version; null while current.';
comment on column staging.int_judge_version.effective_from is 'First day of the events (hearings, completions) the version holds: its valid_from, or -infinity for the judge''s first version.';
comment on column staging.used_value.source_file_id is 'The staged file (etl.source_file) that holds the value.';
comment on column staging.used_value.table_name is 'The EOIR table of that file (A_TblCase).';
comment on column staging.used_value.column_name is 'The staging column, or a combination of columns (case_type+dec_code+other_comp).';
comment on column staging.used_value.code is 'A code the column holds (for a combination, the text of a text[] of its codes); null for a date column.';
comment on column staging.used_value.day is 'A day the column holds; null for a code column.';
