-- Malformed lines the load repairs instead of rejecting: one row per repaired line, and per file how many.

alter table etl.source_file
    add column rows_repaired bigint,
    add column rows_padded bigint;

comment on column etl.source_file.rows_repaired is 'Rows loaded after a tab shift was undone or empty fields after the last column were dropped (etl.repaired_row, repair_code tab_shift or trailing_empty_fields); part of rows_loaded.';
comment on column etl.source_file.rows_padded is 'Short rows loaded after their missing trailing fields were padded with empty values (etl.repaired_row, repair_code padded); part of rows_loaded.';
comment on column etl.source_file.rows_loaded is 'Rows staged and integrated, repaired and padded rows included.';
comment on column etl.rejected_row.reason_code is 'Machine-readable reason: field_count (too few or too many fields, not repairable), tab_shift_ambiguous (several ways of undoing a tab shift fit), tab_shift_unrepairable (no way fits), key_missing, key_not_integer.';

create table etl.repaired_row (
    repaired_row_id bigint generated always as identity primary key,
    source_file_id bigint not null references etl.source_file,
    table_name text not null,
    line_number bigint not null,
    repair_code text not null,
    message text not null,
    raw_record text not null,
    job_execution_id bigint not null,
    repaired_at timestamptz not null default now()
);

create index repaired_row_source_file_idx on etl.repaired_row (source_file_id, line_number);

comment on table etl.repaired_row is 'One row per malformed input line that was repaired and loaded, with what was changed; grain: source file x line. The repaired row itself is in staging and the facts like any other.';
comment on column etl.repaired_row.repaired_row_id is 'Surrogate key of the repair.';
comment on column etl.repaired_row.source_file_id is 'File the line came from (etl.source_file).';
comment on column etl.repaired_row.table_name is 'Logical source table of the file.';
comment on column etl.repaired_row.line_number is 'Line number in the file, counting the header as line 1.';
comment on column etl.repaired_row.repair_code is 'Machine-readable repair: tab_shift (a tab inside a value split it; the two parts were joined with a space and the later values moved back one column), trailing_empty_fields (empty fields after the last column dropped), padded (a short line padded with empty values).';
comment on column etl.repaired_row.message is 'What was wrong with the line and what was changed, naming the columns.';
comment on column etl.repaired_row.raw_record is 'The input line as read, before the repair (NUL bytes removed).';
comment on column etl.repaired_row.job_execution_id is 'Job execution that read the line.';
comment on column etl.repaired_row.repaired_at is 'When the line was repaired.';
