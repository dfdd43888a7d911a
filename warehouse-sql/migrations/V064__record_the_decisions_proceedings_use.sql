-- dim_decision.sql adds an inferred member for each (case type, decision or other completion) combination
-- the proceedings use and the lookup lacks. It found them by reading every staged proceeding again, 0.9 to
-- 1.7 s of a load of the default benchmark's release; the staging writers now record each file's distinct
-- combinations as they stage it, in staging.used_value under the column case_type+dec_code+other_comp,
-- each as the text of a text[].

-- Files staged before this version (a failed run waiting for its restart) have theirs recorded here.
insert into staging.used_value (source_file_id, table_name, column_name, code, day)
select distinct
    source_file_id,
    'B_TblProceeding',
    'case_type+dec_code+other_comp',
    array[case_type, dec_code, other_comp]::text,
    null::date
from staging.eoir_proceeding
where num_nonnulls(case_type, dec_code, other_comp) > 0;

comment on table staging.used_value is
    'The distinct codes and dates of a staged file''s columns that the dimensions look for: one row per file, column and value (a code or a day); a combination of columns (column_name case_type+dec_code+other_comp) as the text of a text[]; a restarted file may repeat a value.';
