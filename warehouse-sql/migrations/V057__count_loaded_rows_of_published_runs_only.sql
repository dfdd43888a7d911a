-- A run's rows_loaded counts the rows it published: a run that published nothing (failed, held back, stopped,
-- abandoned) had its staged rows counted as loaded.

update etl.load_run as r set rows_loaded = 0
where r.status <> 'STARTED'
    and not exists (
        select 1 from warehouse.dim_release as d
        where d.job_execution_id = r.job_execution_id and d.status = 'published'
    );

comment on column etl.load_run.rows_loaded is 'Rows the run loaded into the warehouse: its files'' rows staged and integrated when it published its release; 0 for a run that published nothing (failed, held back, stopped or abandoned before its publication; etl.source_file keeps what its files staged).';
