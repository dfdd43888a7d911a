-- Every dimension key of a cell of the edition resolves to a dimension row.
-- Returns the offending cells, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with edition as (
    select * from warehouse.fct_border_statistic where edition_release_key = :release_key
)

select b.border_statistic_id, 'nationality_key' as key_column, b.nationality_key as key_value
from edition as b left join warehouse.dim_nationality as d on d.nationality_key = b.nationality_key
where d.nationality_key is null
union all
select b.border_statistic_id, 'date_key', b.date_key
from edition as b left join warehouse.dim_date as d on d.date_key = b.date_key
where d.date_key is null
union all
select b.border_statistic_id, 'edition_release_key', b.edition_release_key
from edition as b left join warehouse.dim_release as r on r.release_key = b.edition_release_key
where r.release_key is null
