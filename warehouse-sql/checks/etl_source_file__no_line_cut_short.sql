-- No EOIR file of the release ends inside a line (its last line rejected as line_cut_short): a file cut
-- short lacks the rows after the cut, which a full snapshot would soft-delete, however few. Returns the
-- lines; empty = pass. If the file is whole and its last line merely lacks its line break and trailing
-- fields, correct the line in etl.rejected_row.raw_record, and replay-rejects publishes the release.
-- severity: error
-- threshold: 0
with cut as (
    select f.relative_path, r.line_number, r.message
    from etl.rejected_row as r
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key and r.reason_code = 'line_cut_short'
)

select relative_path, line_number, message
from cut
