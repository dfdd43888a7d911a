-- The outcome of every data-quality check each run made, passed or not; grain: run x check.
-- Written in a transaction of its own, so a release held back by a check keeps the evidence.

create table etl.check_result (
    check_result_id bigint generated always as identity primary key,
    job_execution_id bigint,
    release_key bigint not null,
    source text not null check (source in ('eoir', 'ohss', 'cbp')),
    check_name text not null,
    severity text not null check (severity in ('error', 'warn')),
    threshold bigint not null check (threshold >= 0),
    offending_rows bigint not null check (offending_rows >= 0),
    passed boolean not null,
    examples jsonb,
    checked_at timestamptz not null default now(),
    check (passed = (offending_rows <= threshold))
);

create index check_result_job_execution_idx on etl.check_result (job_execution_id);
create index check_result_release_idx on etl.check_result (release_key);

comment on table etl.check_result is 'One row per data-quality check a run made over a release (warehouse-sql/checks and the rejected-row share), passed or not; grain: job execution x check. Kept when the check held the release back.';
comment on column etl.check_result.check_result_id is 'Surrogate key of the result.';
comment on column etl.check_result.job_execution_id is 'Job execution (etl.load_run) that ran the check; null when courtstats replay-rejects ran it outside a job.';
comment on column etl.check_result.release_key is 'The release checked (warehouse.dim_release); it may be unpublished, when an error check held it back.';
comment on column etl.check_result.source is 'eoir, ohss or cbp.';
comment on column etl.check_result.check_name is 'The check: its file name in warehouse-sql/checks without .sql (fct_case__keys_resolve), or rejected_rows__within_threshold for the rejected-row share.';
comment on column etl.check_result.severity is 'error (over the threshold holds the release back: nothing is published) or warn (over the threshold is recorded and logged; the release publishes).';
comment on column etl.check_result.threshold is 'Offending rows the check tolerates, from the check file''s -- threshold: line (0 unless it says otherwise).';
comment on column etl.check_result.offending_rows is 'Rows the check query returned; for rejected_rows__within_threshold, the tables over the rejected-row threshold.';
comment on column etl.check_result.passed is 'True when offending_rows is at most the threshold.';
comment on column etl.check_result.examples is 'Up to three offending rows as a JSON array of objects (column name to value); null when none.';
comment on column etl.check_result.checked_at is 'When the check ran.';
