-- The corrections of rejected rows that a replay loaded: a replay stages the release's files again, and a line
-- corrected by an earlier replay, no longer in etl.rejected_row, would otherwise be read as delivered again,
-- rejected again, and its loaded row undone.

create table etl.corrected_row (
    source_file_id bigint not null references etl.source_file,
    line_number bigint not null,
    table_name text not null,
    delivered_record text not null,
    corrected_record text not null,
    job_execution_id bigint not null,
    corrected_at timestamptz not null default now(),
    primary key (source_file_id, line_number)
);

comment on table etl.corrected_row is 'One row per rejected input line that an operator corrected (etl.rejected_row.raw_record) and a replay (courtstats replay-rejects) then loaded; every later replay of the release reads the line so corrected. Grain: source file x line.';
comment on column etl.corrected_row.source_file_id is 'File the line came from (etl.source_file).';
comment on column etl.corrected_row.line_number is 'Line of the file (from 1, the header being line 1), as in etl.rejected_row.';
comment on column etl.corrected_row.table_name is 'Source table or file kind of the line, as in etl.rejected_row.';
comment on column etl.corrected_row.delivered_record is 'The line as the file holds it (an EOIR line without its control characters; a CBP row as one CSV record, as etl.rejected_row.raw_record holds it).';
comment on column etl.corrected_row.corrected_record is 'The line as corrected and loaded.';
comment on column etl.corrected_row.job_execution_id is 'Run of the release the replay loaded the correction into (etl.load_run).';
comment on column etl.corrected_row.corrected_at is 'When the replay that loaded the correction started its transaction.';
