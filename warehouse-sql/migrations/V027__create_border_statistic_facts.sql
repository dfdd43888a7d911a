-- DHS OHSS monthly tables and CBP encounter files: their staging tables and facts.
-- An OHSS edition republishes and revises the whole history, so every edition is kept and
-- is_latest_edition marks the newest value of each cell; a CBP file is a rolling window, and the
-- newest file covering a fiscal year owns that year's rows.

create table staging.ohss_cell (
    source_file_id bigint not null,
    line_number bigint not null,
    table_name text not null,
    fiscal_year int not null,
    fiscal_month int,
    group_label text,
    measure_label text not null,
    citizenship_label text,
    value numeric,
    value_status text not null,
    cell_reference text not null
);

create table staging.cbp_encounter (
    source_file_id bigint not null,
    line_number bigint not null,
    fiscal_year int not null,
    fiscal_month int not null,
    month_start date not null,
    component text,
    land_border_region text,
    area_of_responsibility text,
    aor_abbv text,
    state text,
    demographic text,
    citizenship_label text,
    title_of_authority text,
    encounter_type text,
    encounter_count bigint not null
);

-- The identity of an OHSS cell across editions, as one compact value: what an edition's cell is
-- compared by when the newest edition is marked. Nulls (a total row, a one-level table) are part of
-- the identity.
create function warehouse.border_cell_key(
    table_name text, fiscal_year int, fiscal_month int, group_label text, measure_label text,
    citizenship_label text
) returns uuid
language sql immutable
as $$
    select md5(
        table_name || chr(31) || fiscal_year::text || chr(31) || coalesce(fiscal_month::text, 'total')
        || chr(31) || coalesce('g:' || group_label, 'none') || chr(31) || measure_label
        || chr(31) || coalesce('c:' || citizenship_label, 'none')
    )::uuid
$$;

comment on function warehouse.border_cell_key(text, int, int, text, text, text) is 'Identity of an OHSS cell across editions (table, fiscal year, fiscal month or total, group, measure, citizenship) as a uuid.';

create table warehouse.fct_border_statistic (
    border_statistic_id bigint generated always as identity primary key,
    edition_release_key bigint not null,
    table_name text not null,
    fiscal_year int not null,
    fiscal_month int check (fiscal_month between 1 and 12),
    date_key int not null,
    group_label text,
    measure_label text not null,
    citizenship_label text,
    nationality_key bigint not null,
    value numeric,
    value_status text not null
        check (value_status in ('reported', 'not_applicable', 'not_available', 'withheld', 'zero_dash')),
    is_latest_edition boolean not null default false,
    cell_reference text not null,
    source_file_id bigint not null,
    cell_key uuid not null generated always as (warehouse.border_cell_key(
        table_name, fiscal_year, fiscal_month, group_label, measure_label, citizenship_label
    )) stored,
    check ((value is not null) = (value_status = 'reported')),
    constraint fct_border_statistic_cell_edition_key unique (cell_key, edition_release_key)
);

create index fct_border_statistic_latest_idx
    on warehouse.fct_border_statistic (cell_key)
    where is_latest_edition;

create index fct_border_statistic_edition_idx on warehouse.fct_border_statistic (edition_release_key);

comment on table warehouse.fct_border_statistic is 'One published cell of a DHS OHSS monthly table, per edition: grain edition x table x fiscal year x fiscal month (null on the fiscal-year total row) x group x measure x citizenship. Every edition is kept; is_latest_edition marks the value analysts quote.';
comment on column warehouse.fct_border_statistic.border_statistic_id is 'Surrogate key of the cell.';
comment on column warehouse.fct_border_statistic.edition_release_key is 'The edition (warehouse.dim_release, source ohss) that published the cell; its as_of_date is the last day of the month the edition runs to.';
comment on column warehouse.fct_border_statistic.table_name is 'The table''s sheet name, as the workbook prints it (CBP SWB Book-Outs by Agency).';
comment on column warehouse.fct_border_statistic.fiscal_year is 'Fiscal year (October to September); 2024 for the row labelled 2024 YTD.';
comment on column warehouse.fct_border_statistic.fiscal_month is 'Month of the fiscal year, 1 = October; null on the fiscal-year total row.';
comment on column warehouse.fct_border_statistic.date_key is 'First day of the month (dim_date, yyyymmdd); -1 on a fiscal-year total row, which is no one month.';
comment on column warehouse.fct_border_statistic.group_label is 'Merged group header over the column (Total CBP, USBP, OFO), footnote digits stripped; null in a one-level table.';
comment on column warehouse.fct_border_statistic.measure_label is 'Column header (Migrant Protection Protocols), footnote digits stripped; in a table whose columns are citizenships, what the table counts.';
comment on column warehouse.fct_border_statistic.citizenship_label is 'Citizenship as printed (Mexico, China, People''s Republic, Others, Total) in a citizenship table; null elsewhere.';
comment on column warehouse.fct_border_statistic.nationality_key is 'Nationality (dim_nationality) of the citizenship through warehouse.citizenship_crosswalk; -1 for a total, a catch-all, a label the crosswalk lacks, or a table without citizenships.';
comment on column warehouse.fct_border_statistic.value is 'The published number (rounded to tens by DHS); null unless value_status is reported. A marker is never read as 0.';
comment on column warehouse.fct_border_statistic.value_status is 'reported (a number), not_applicable (X), not_available (NA), withheld (D) or zero_dash (-, printed for zero).';
comment on column warehouse.fct_border_statistic.is_latest_edition is 'True on the value of the newest edition (by as-of month, then the one loaded last) that publishes this cell; older editions keep their values for revision analysis.';
comment on column warehouse.fct_border_statistic.cell_reference is 'Where the cell is in its sheet, e.g. O52.';
comment on column warehouse.fct_border_statistic.source_file_id is 'The workbook the cell was read from (etl.source_file).';
comment on column warehouse.fct_border_statistic.cell_key is 'The cell''s identity across editions (warehouse.border_cell_key of table, fiscal year, fiscal month, group, measure, citizenship): the rows of one cell_key are its editions'' values.';

create table warehouse.fct_encounter (
    encounter_id bigint generated always as identity primary key,
    fiscal_year int not null,
    fiscal_month int not null check (fiscal_month between 1 and 12),
    date_key int not null,
    component text,
    land_border_region text,
    area_of_responsibility text,
    aor_abbv text,
    state text,
    demographic text,
    citizenship_label text,
    nationality_key bigint not null,
    title_of_authority text,
    encounter_type text,
    encounter_count bigint not null check (encounter_count >= 0),
    release_key bigint not null,
    source_file_id bigint not null,
    line_number bigint not null
);

create index fct_encounter_fiscal_year_idx on warehouse.fct_encounter (fiscal_year, release_key);

comment on table warehouse.fct_encounter is 'One row of a CBP encounters file: grain fiscal month x component x area of responsibility or state x demographic x citizenship x title of authority x encounter type. Each fiscal year holds the rows of the newest file (by the last month it covers) that covers it; a newer file replaces the years it covers and never adds to them.';
comment on column warehouse.fct_encounter.encounter_id is 'Surrogate key of the row.';
comment on column warehouse.fct_encounter.fiscal_year is 'Fiscal year (October to September); 2026 for 2026 (FYTD).';
comment on column warehouse.fct_encounter.fiscal_month is 'Month of the fiscal year, 1 = October (Month (abbv) OCT).';
comment on column warehouse.fct_encounter.date_key is 'First day of the month (dim_date, yyyymmdd).';
comment on column warehouse.fct_encounter.component is 'Office of Field Operations or U.S. Border Patrol; null in the by-state layout, which has no component.';
comment on column warehouse.fct_encounter.land_border_region is 'Northern Land Border, Southwest Land Border or Other.';
comment on column warehouse.fct_encounter.area_of_responsibility is 'OFO field office or USBP sector (Laredo Field Office, Rio Grande Valley Sector); null in the by-state layout.';
comment on column warehouse.fct_encounter.aor_abbv is 'Abbreviation of the area of responsibility (Laredo, RGV); null in the by-state layout.';
comment on column warehouse.fct_encounter.state is 'State (by-state and older layouts); null in the by-area layout.';
comment on column warehouse.fct_encounter.demographic is 'Single Adults, FMUA (family unit individuals), UC / Single Minors or Accompanied Minors.';
comment on column warehouse.fct_encounter.citizenship_label is 'Citizenship as printed (MEXICO, CHINA, PEOPLES REPUBLIC OF, OTHER).';
comment on column warehouse.fct_encounter.nationality_key is 'Nationality (dim_nationality) of the citizenship through warehouse.citizenship_crosswalk; -1 for OTHER or a label the crosswalk lacks.';
comment on column warehouse.fct_encounter.title_of_authority is 'Title 8 or Title 42.';
comment on column warehouse.fct_encounter.encounter_type is 'Apprehensions (USBP, Title 8), Inadmissibles (OFO, Title 8) or Expulsions (Title 42); in the by-state layout Title 8 rows have none (null).';
comment on column warehouse.fct_encounter.encounter_count is 'Encounters, unrounded.';
comment on column warehouse.fct_encounter.release_key is 'The CBP file (warehouse.dim_release, source cbp) the row comes from; its as_of_date is the last day of the last month it covers.';
comment on column warehouse.fct_encounter.source_file_id is 'The file the row was read from (etl.source_file).';
comment on column warehouse.fct_encounter.line_number is 'Line of the row in that file, the header being line 1.';

comment on column etl.source_file.table_name is 'Logical source table the file holds (A_TblCase, ..., OHSS monthly tables, CBP encounters); null for files the load skips.';
