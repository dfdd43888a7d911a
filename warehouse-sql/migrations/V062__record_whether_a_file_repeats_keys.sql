-- Whether a file's staged rows held each key once, found as they were staged, so that
-- load/dedup_same_key.sql counts the keys of a release's table again only when that is not known.
alter table etl.source_file add column keys_distinct boolean;

comment on column etl.source_file.keys_distinct is
    'For an EOIR table whose lines are named by a key (IDNCASE, IDNPROCEEDING, ...): true when the file''s '
    'staged rows held each key once, false when a key repeated (the last line of a key replaces the others), '
    'null when not known (a file whose staging resumed, or another table).';
