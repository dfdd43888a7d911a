-- The CBP One appointments table counts appointments by the nationality of those who made them (Cuba,
-- Venezuela, ... Other), though neither its sheet's name nor its title says so: its columns were read as
-- measures, with no citizenship and no nationality. The loader now reads them as citizenships, the
-- measure being what the table counts; the cells already loaded, of every edition, and any staged for an
-- edition not yet published, are relabelled the same way, so that each cell keeps one identity across
-- editions (cell_key follows the labels) and the latest flags stay as they were.
update warehouse.fct_border_statistic as b
set citizenship_label = b.measure_label,
    measure_label = 'CBP One Appointments',
    nationality_key = coalesce((
        select n.nationality_key
        from warehouse.citizenship_crosswalk as x
        join warehouse.dim_nationality as n on n.eoir_code = x.eoir_code
        where x.source = 'ohss' and lower(x.label) = lower(b.measure_label)
    ), -1)
where b.table_name = 'CBP One Appointments'
    and b.citizenship_label is null;

update staging.ohss_cell
set citizenship_label = measure_label,
    measure_label = 'CBP One Appointments'
where table_name = 'CBP One Appointments'
    and citizenship_label is null;

comment on table warehouse.fct_border_statistic is 'One published cell of a DHS OHSS monthly table, per edition: grain edition x table x fiscal year x fiscal month (null on the fiscal-year total row) x group x measure x citizenship. Every edition is kept; is_latest_edition marks the value analysts quote for a cell, is_latest_table_year the cells of one edition to add up across a table year''s citizenships.';
