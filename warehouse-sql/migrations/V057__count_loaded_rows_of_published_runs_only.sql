-- A run's rows_loaded counts the rows it published: a run that failed, was held back, stopped or was abandoned
-- published nothing, where its staged rows had been counted as loaded.

update etl.load_run set rows_loaded = 0 where status in ('FAILED', 'STOPPED', 'ABANDONED', 'UNKNOWN');

comment on column etl.load_run.rows_loaded is 'Rows the run loaded into the warehouse: its files'' rows staged and integrated when it completed; 0 for a run that failed, was held back, stopped or was abandoned, which published nothing (etl.source_file keeps what its files staged).';
