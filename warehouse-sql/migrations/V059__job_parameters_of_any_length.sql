-- A job parameter's value holds the path of the release or file a run loads, which a deep inbox makes longer
-- than the 2,500 characters Spring Batch's DDL gives it (Linux allows paths of 4,096 bytes): the run could not
-- start, and left no trace in the job repository. Text has no limit.
alter table batch.batch_job_execution_params alter column parameter_value type text;
