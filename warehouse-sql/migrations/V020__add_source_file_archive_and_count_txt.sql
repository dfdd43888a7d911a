-- Releases read in place from EOIR's zip, and the row counts of Count.txt to reconcile against.

alter table etl.source_file add column archive_path text;
alter table etl.source_file add column count_txt_rows bigint;

comment on column etl.source_file.archive_path is 'Absolute path of the zip the file was read from, in place, when the release was delivered zipped (relative_path is then the entry name); null for a file of a release folder.';
comment on column etl.source_file.count_txt_rows is 'Rows the release''s Count.txt gives for the file''s table (matched case-insensitively by file name without .csv), to reconcile rows_read against after staging; null when the release has no Count.txt or it does not list the table.';
comment on column etl.source_file.relative_path is 'Path of the file inside its release folder, or its entry name inside the release zip.';
comment on column etl.source_file.path is 'Absolute path where the file was found; for a zip entry, the zip''s absolute path, !/ and the entry name.';
comment on column etl.source_file.size_bytes is 'File size in bytes when it was fingerprinted; for a zip entry, its uncompressed size.';
comment on column etl.source_file.modified_at is 'Last-modified time of the file (of the entry, for a zip entry) when it was fingerprinted; a file whose size and time are unchanged is not hashed again to tell whether it changed.';
comment on column etl.source_file.sha256 is 'SHA-256 of the file bytes (uncompressed, for a zip entry), hex.';
comment on column etl.source_file.rows_read is 'Data rows read from the file (header and blank lines excluded): rows_loaded plus rows_rejected.';
