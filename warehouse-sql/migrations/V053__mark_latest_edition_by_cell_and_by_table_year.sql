-- is_latest_edition marks, per cell (table, fiscal year, fiscal month, group, measure, citizenship), the value
-- of the newest edition that prints the cell, as the warehouse contract defines it: a citizenship column a newer
-- edition no longer prints (it left the top ten, and is counted in Others) keeps its newest value as latest.
-- is_latest_table_year keeps what is_latest_edition marked from V029: the cells of the newest edition that
-- prints a table's fiscal year, all of that table year's cells together, so that the latest cells of a table
-- year add up to its printed total (a folded citizenship is not counted twice, in its own column and in Others).

alter table warehouse.fct_border_statistic
    add column if not exists is_latest_table_year boolean not null default false;

update warehouse.fct_border_statistic
set is_latest_table_year = true
where is_latest_edition;

-- Per cell: the newest edition printing the cell, by as-of month, then by file name (the release label).
with newest as (
    select distinct on (b.cell_key) b.cell_key, b.border_statistic_id
    from warehouse.fct_border_statistic as b
    join warehouse.dim_release as e on e.release_key = b.edition_release_key
    order by b.cell_key, e.as_of_date desc, e.release_label desc
)

update warehouse.fct_border_statistic as b
set is_latest_edition = (b.border_statistic_id = newest.border_statistic_id)
from newest
where newest.cell_key = b.cell_key
    and b.is_latest_edition is distinct from (b.border_statistic_id = newest.border_statistic_id);

drop index if exists warehouse.fct_border_statistic_latest_idx;

create index fct_border_statistic_latest_idx
    on warehouse.fct_border_statistic (cell_key)
    where is_latest_edition;

create index if not exists fct_border_statistic_latest_table_year_idx
    on warehouse.fct_border_statistic (table_name, fiscal_year, edition_release_key)
    where is_latest_table_year;

comment on column warehouse.fct_border_statistic.is_latest_edition is 'True on the value of the newest edition (by as-of month, then by file name, whose prefix is the publication date) that prints this cell (table, fiscal year, fiscal month, group, measure, citizenship): the value analysts quote for the cell. A citizenship column a newer edition no longer prints (now counted in Others) keeps its newest value as latest, so that summing the latest cells of a citizenship table across citizenships can count it twice; is_latest_table_year gives a table year''s cells from one edition. Older editions keep their values for revision analysis.';
comment on column warehouse.fct_border_statistic.is_latest_table_year is 'True on every cell of the newest edition (by as-of month, then by file name) that prints the table''s fiscal year, all of that table year''s cells together: the latest cells of a table year then add up to its printed total, a citizenship a newer edition folds into Others being counted there only.';
