-- Each file of the release read as many rows as the release's Count.txt gives for its table (EOIR
-- only; OHSS and CBP deliver no counts). EOIR's counts are known to be off by a few rows, so this
-- warns. Returns the files whose rows read differ; empty = pass.
-- severity: warn
-- threshold: 0
select relative_path, table_name, count_txt_rows, rows_read, rows_read - count_txt_rows as difference
from etl.source_file
where release_key = :release_key
    and count_txt_rows is not null
    and rows_read is not null
    and rows_read <> count_txt_rows
