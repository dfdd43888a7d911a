-- Every dimension key of a relief application changed by the release resolves to a dimension row.
-- Returns the offending applications, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_application where release_key = :release_key
)

select a.application_id, 'application_type_key' as key_column, a.application_type_key as key_value
from changed as a left join warehouse.dim_application_type as d on d.application_type_key = a.application_type_key
where d.application_type_key is null
union all
select a.application_id, 'application_decision_key', a.application_decision_key
from changed as a
left join warehouse.dim_application_decision as d on d.application_decision_key = a.application_decision_key
where d.application_decision_key is null
union all
select a.application_id, 'date_keys', a.received_date_key::bigint
from changed as a
left join warehouse.dim_date as received on received.date_key = a.received_date_key
left join warehouse.dim_date as decided on decided.date_key = a.decision_date_key
where received.date_key is null or decided.date_key is null
union all
select a.application_id, 'court_key', a.court_key
from changed as a left join warehouse.dim_court as d on d.court_key = a.court_key
where d.court_key is null
union all
select a.application_id, 'nationality_key', a.nationality_key
from changed as a left join warehouse.dim_nationality as d on d.nationality_key = a.nationality_key
where d.nationality_key is null
union all
select a.application_id, 'release keys', a.release_key
from changed as a
where not exists (select 1 from warehouse.dim_release as r where r.release_key = a.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = a.first_seen_release_key)
    or (a.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = a.deleted_in_release_key))
