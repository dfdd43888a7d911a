-- The load manifest: one row per delivered file, per rejected input row and per load run.

create table etl.source_file (
    source_file_id bigint generated always as identity primary key,
    source text not null check (source in ('eoir', 'ohss', 'cbp')),
    release_label text not null,
    release_key bigint,
    relative_path text not null,
    path text not null,
    file_name text not null,
    table_name text,
    size_bytes bigint not null,
    modified_at timestamptz,
    sha256 text not null,
    status text not null check (status in ('registered', 'skipped', 'loaded', 'duplicate')),
    first_seen_at timestamptz not null default now(),
    loaded_by_job_execution_id bigint,
    rows_read bigint,
    rows_loaded bigint,
    rows_rejected bigint,
    unique (source, release_label, relative_path)
);

create index source_file_sha256_idx on etl.source_file (sha256);
create index source_file_release_idx on etl.source_file (release_key);

comment on table etl.source_file is 'One row per delivered file of a release, fingerprinted by sha256; grain: source x release x path inside the release.';
comment on column etl.source_file.source_file_id is 'Surrogate key of the delivered file.';
comment on column etl.source_file.source is 'Publisher of the file: eoir, ohss or cbp.';
comment on column etl.source_file.release_label is 'Release the file belongs to, e.g. EOIR Case Data 2026-0401.';
comment on column etl.source_file.release_key is 'The release in warehouse.dim_release; null for a duplicate delivery.';
comment on column etl.source_file.relative_path is 'Path of the file inside its release folder.';
comment on column etl.source_file.path is 'Absolute path where the file was found.';
comment on column etl.source_file.file_name is 'File name as delivered (EOIR names are matched case-insensitively).';
comment on column etl.source_file.table_name is 'Logical source table the file holds (A_TblCase, ...); null for files the load skips.';
comment on column etl.source_file.size_bytes is 'File size in bytes when it was fingerprinted.';
comment on column etl.source_file.modified_at is 'Last-modified time of the file when it was fingerprinted; a file whose size and time are unchanged is not hashed again to tell whether it changed.';
comment on column etl.source_file.sha256 is 'SHA-256 of the file bytes, hex.';
comment on column etl.source_file.status is 'registered (being loaded), skipped (not read by the load), loaded (published), or duplicate (its release holds the same bytes as a release loaded before, and was not loaded again).';
comment on column etl.source_file.first_seen_at is 'When the file was first registered.';
comment on column etl.source_file.loaded_by_job_execution_id is 'Job execution that published the file.';
comment on column etl.source_file.rows_read is 'Data rows read from the file (header excluded).';
comment on column etl.source_file.rows_loaded is 'Rows staged and integrated.';
comment on column etl.source_file.rows_rejected is 'Rows quarantined in etl.rejected_row.';

create table etl.rejected_row (
    rejected_row_id bigint generated always as identity primary key,
    source_file_id bigint not null references etl.source_file,
    table_name text not null,
    sheet_name text,
    line_number bigint not null,
    reason_code text not null,
    message text not null,
    raw_record text,
    record_key text,
    job_execution_id bigint not null,
    rejected_at timestamptz not null default now()
);

create index rejected_row_source_file_idx on etl.rejected_row (source_file_id, line_number);

comment on table etl.rejected_row is 'One row per input row that could not be loaded, with where it came from and why.';
comment on column etl.rejected_row.rejected_row_id is 'Surrogate key of the rejected row.';
comment on column etl.rejected_row.source_file_id is 'File the row came from (etl.source_file).';
comment on column etl.rejected_row.table_name is 'Logical source table of the file.';
comment on column etl.rejected_row.sheet_name is 'Worksheet of a workbook; null for text files.';
comment on column etl.rejected_row.line_number is 'Line number in the file, counting the header as line 1 (row number for worksheets).';
comment on column etl.rejected_row.reason_code is 'Machine-readable reason: field_count, key_missing, key_not_integer, ...';
comment on column etl.rejected_row.message is 'What was expected and what was found.';
comment on column etl.rejected_row.raw_record is 'The input line as read (NUL bytes removed).';
comment on column etl.rejected_row.record_key is 'The row''s key (IDNCASE, IDNPROCEEDING, ...) when it could still be read: the release holds that key, so its fact row is kept, not taken for deleted.';
comment on column etl.rejected_row.job_execution_id is 'Job execution that read the row.';
comment on column etl.rejected_row.rejected_at is 'When the row was quarantined.';

create table etl.load_run (
    job_execution_id bigint primary key,
    source text not null,
    release_label text not null,
    started_at timestamptz not null,
    ended_at timestamptz,
    status text not null,
    rows_read bigint not null default 0,
    rows_loaded bigint not null default 0,
    rows_rejected bigint not null default 0,
    message text
);

comment on table etl.load_run is 'One row per load run (job execution) of one release, with its counts.';
comment on column etl.load_run.job_execution_id is 'Spring Batch job execution id.';
comment on column etl.load_run.source is 'eoir, ohss or cbp.';
comment on column etl.load_run.release_label is 'Release loaded by the run.';
comment on column etl.load_run.started_at is 'When the run started.';
comment on column etl.load_run.ended_at is 'When the run ended; null while it runs.';
comment on column etl.load_run.status is 'STARTED, COMPLETED, FAILED, ... (Spring Batch status).';
comment on column etl.load_run.rows_read is 'Data rows read in the release.';
comment on column etl.load_run.rows_loaded is 'Rows staged and integrated.';
comment on column etl.load_run.rows_rejected is 'Rows quarantined in etl.rejected_row.';
comment on column etl.load_run.message is 'First line of the failure, when the run failed.';
