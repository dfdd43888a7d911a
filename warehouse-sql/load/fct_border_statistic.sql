-- fct_border_statistic: every cell of the staged DHS OHSS edition, one row per edition x cell (table,
-- fiscal year, fiscal month or the year's total, group, measure, citizenship). A cell is latest
-- (is_latest_edition) in the newest edition printing it (by as-of month, then file name); a table's fiscal
-- year (is_latest_table_year) in the newest edition printing it, all its cells together.
insert into warehouse.fct_border_statistic (
    edition_release_key, table_name, fiscal_year, fiscal_month, date_key, group_label, measure_label,
    citizenship_label, nationality_key, value, value_status, is_latest_edition, is_latest_table_year,
    cell_reference, source_file_id
)
with this_edition as (
    select release_key, as_of_date, release_label
    from warehouse.dim_release
    where release_key = :release_key
),

cells as (
    select c.*
    from staging.ohss_cell as c
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
),

held_by_newer as (
    select distinct l.table_name, l.fiscal_year
    from warehouse.fct_border_statistic as l
    join warehouse.dim_release as e on e.release_key = l.edition_release_key
    cross join this_edition as t
    where l.is_latest_table_year
        and l.edition_release_key <> t.release_key
        and (e.as_of_date, e.release_label) > (t.as_of_date, t.release_label)
),

cells_held_by_newer as (
    select distinct l.cell_key
    from warehouse.fct_border_statistic as l
    join warehouse.dim_release as e on e.release_key = l.edition_release_key
    cross join this_edition as t
    where l.is_latest_edition
        and l.edition_release_key <> t.release_key
        and (e.as_of_date, e.release_label) > (t.as_of_date, t.release_label)
)

select
    :release_key as edition_release_key,
    c.table_name,
    c.fiscal_year,
    c.fiscal_month,
    case
        when c.fiscal_month is null then -1
        else warehouse.date_key(make_date(
            c.fiscal_year - (c.fiscal_month <= 3)::int, (c.fiscal_month + 8) % 12 + 1, 1
        ))
    end as date_key,
    c.group_label,
    c.measure_label,
    c.citizenship_label,
    coalesce(n.nationality_key, -1) as nationality_key,
    c.value,
    c.value_status,
    newer_cell.cell_key is null as is_latest_edition,
    newer.table_name is null as is_latest_table_year,
    c.cell_reference,
    c.source_file_id
from cells as c
left join held_by_newer as newer on newer.table_name = c.table_name and newer.fiscal_year = c.fiscal_year
left join cells_held_by_newer as newer_cell
    on newer_cell.cell_key = warehouse.border_cell_key(
        c.table_name, c.fiscal_year, c.fiscal_month, c.group_label, c.measure_label, c.citizenship_label
    )
left join warehouse.citizenship_crosswalk as x
    on x.source = 'ohss' and lower(x.label) = lower(c.citizenship_label)
left join warehouse.dim_nationality as n on n.eoir_code = x.eoir_code
on conflict (cell_key, edition_release_key) do update
set date_key = excluded.date_key,
    nationality_key = excluded.nationality_key,
    value = excluded.value,
    value_status = excluded.value_status,
    cell_reference = excluded.cell_reference,
    source_file_id = excluded.source_file_id
where (fct_border_statistic.date_key, fct_border_statistic.nationality_key, fct_border_statistic.value,
    fct_border_statistic.value_status, fct_border_statistic.cell_reference, fct_border_statistic.source_file_id)
    is distinct from (excluded.date_key, excluded.nationality_key, excluded.value, excluded.value_status,
        excluded.cell_reference, excluded.source_file_id);

-- The cells this edition now holds are no longer latest in any other edition.
update warehouse.fct_border_statistic as superseded
set is_latest_edition = false
where superseded.is_latest_edition
    and superseded.edition_release_key <> :release_key
    and superseded.cell_key in (
        select cell_key
        from warehouse.fct_border_statistic
        where edition_release_key = :release_key and is_latest_edition
    );

-- The table years this edition now holds are no longer latest in any other edition, whichever of their
-- cells this edition prints.
update warehouse.fct_border_statistic as superseded
set is_latest_table_year = false
where superseded.is_latest_table_year
    and superseded.edition_release_key <> :release_key
    and (superseded.table_name, superseded.fiscal_year) in (
        select distinct table_name, fiscal_year
        from warehouse.fct_border_statistic
        where edition_release_key = :release_key and is_latest_table_year
    );

-- Citizenships the crosswalk has learnt since their cells were loaded get their nationality.
update warehouse.fct_border_statistic as b
set nationality_key = n.nationality_key
from warehouse.citizenship_crosswalk as x
join warehouse.dim_nationality as n on n.eoir_code = x.eoir_code
where b.nationality_key = -1
    and b.citizenship_label is not null
    and x.source = 'ohss'
    and lower(x.label) = lower(b.citizenship_label);

-- Statistics that know this edition: the table was last analyzed before it was loaded (autovacuum, after
-- the edition before), so the planner would take the edition's rows for a handful and join them with
-- nested loops in the checks that follow (the months summed against each fiscal-year total took over two
-- minutes for the August 2024 edition after the July one; a fraction of a second with this).
analyze warehouse.fct_border_statistic;
