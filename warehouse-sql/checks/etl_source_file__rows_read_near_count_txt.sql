-- No file of the release read far fewer rows than the release's Count.txt gives for its table (EOIR
-- only): more than 5 rows and more than 1% fewer means the file was cut short or delivered without its
-- rows, and a full snapshot would soft-delete the rows it lacks. EOIR's counts are known to be off by a
-- few rows, which etl_source_file__rows_read_match_count_txt warns of. Returns the files far short;
-- empty = pass.
-- severity: error
-- threshold: 0
select relative_path, table_name, count_txt_rows, rows_read, count_txt_rows - rows_read as rows_missing
from etl.source_file
where release_key = :release_key
    and count_txt_rows is not null
    and rows_read is not null
    and count_txt_rows - rows_read > greatest(5, 0.01 * count_txt_rows)
