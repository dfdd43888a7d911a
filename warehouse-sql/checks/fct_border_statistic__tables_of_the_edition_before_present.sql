-- Every table of the edition before this one (by as-of month) is in this edition too: a table dropped,
-- renamed or rejected keeps the older edition's latest values, as do the views reading it.
-- Returns the tables missing, with the edition that had them; empty = pass.
-- severity: warn
-- threshold: 0
with edition as (
    select as_of_date from warehouse.dim_release where release_key = :release_key
),

edition_before as (
    select r.release_key, r.release_label
    from warehouse.dim_release as r
    cross join edition as e
    where r.source = 'ohss'
        and r.status = 'published'
        and r.as_of_date < e.as_of_date
    order by r.as_of_date desc, r.release_key desc
    limit 1
)

select distinct b.release_label as edition_before, s.table_name
from edition_before as b
join warehouse.fct_border_statistic as s on s.edition_release_key = b.release_key
where not exists (
    select 1 from warehouse.fct_border_statistic as c
    where c.edition_release_key = :release_key and c.table_name = s.table_name
)
