-- The latest OHSS values are those of the newest edition publishing a table's fiscal year, all of its
-- cells together: a citizenship column a newer edition no longer prints (it fell out of the top ten,
-- and into Others) must not stay latest beside it. Indexes for that, and for a CBP file's rows.

drop index warehouse.fct_border_statistic_latest_idx;

create index fct_border_statistic_latest_idx
    on warehouse.fct_border_statistic (table_name, fiscal_year, edition_release_key)
    where is_latest_edition;

create index fct_encounter_release_idx on warehouse.fct_encounter (release_key);

comment on column warehouse.fct_border_statistic.is_latest_edition is 'True on the cells of the newest edition (by as-of month, then by file name, whose prefix is the publication date) that publishes the table''s fiscal year: the values analysts quote. All cells of a table''s fiscal year are latest together, so a column a newer edition no longer prints (a citizenship now in Others) is not latest. Older editions keep their values for revision analysis.';
