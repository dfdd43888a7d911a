-- Southwest border encounters per fiscal year by citizenship, from DHS OHSS's "SWB Encounters by Citizenship", as
-- the newest edition printing each fiscal year gives them (is_latest_table_year): one edition's columns, which add
-- up to its Total within DHS's rounding of each cell to tens; the newest fiscal year is year to date. A citizenship
-- a newer edition folds into its catch-all column (Other) is not among them, being counted there; its own newest
-- values are its cells marked is_latest_edition. Grain: one row per fiscal year x group x citizenship column.
select
    b.fiscal_year,
    b.group_label,
    b.citizenship_label,
    b.value,
    b.value_status,
    e.release_label as edition
from warehouse.fct_border_statistic as b
join warehouse.dim_release as e on e.release_key = b.edition_release_key
where b.is_latest_table_year
    and b.table_name = 'SWB Encounters by Citizenship'
    and b.fiscal_month is null
order by b.fiscal_year, b.group_label, b.value desc nulls last;
