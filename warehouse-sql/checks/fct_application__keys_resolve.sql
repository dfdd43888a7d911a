-- Every dimension key of a relief application changed by the release resolves to a dimension row.
-- Returns the offending applications, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        a.application_id,
        a.application_type_key::bigint as application_type_key,
        application_type.application_type_key is null as application_type_key_unresolved,
        a.application_decision_key::bigint as application_decision_key,
        application_decision.application_decision_key is null as application_decision_key_unresolved,
        a.received_date_key::bigint as date_keys,
        (
            received_date.date_key is null
            or decision_date.date_key is null
        ) as date_keys_unresolved,
        a.court_key::bigint as court_key,
        court.court_key is null as court_key_unresolved,
        a.nationality_key::bigint as nationality_key,
        nationality.nationality_key is null as nationality_key_unresolved,
        a.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (a.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_application as a
    left join warehouse.dim_application_type as application_type
        on application_type.application_type_key = a.application_type_key
    left join warehouse.dim_application_decision as application_decision
        on application_decision.application_decision_key = a.application_decision_key
    left join warehouse.dim_date as received_date on received_date.date_key = a.received_date_key
    left join warehouse.dim_date as decision_date on decision_date.date_key = a.decision_date_key
    left join warehouse.dim_court as court on court.court_key = a.court_key
    left join warehouse.dim_nationality as nationality on nationality.nationality_key = a.nationality_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = a.first_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = a.deleted_in_release_key
    where a.release_key = :release_key
        and (
            application_type.application_type_key is null
            or application_decision.application_decision_key is null
            or received_date.date_key is null
            or decision_date.date_key is null
            or court.court_key is null
            or nationality.nationality_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (a.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.application_id, k.key_column, k.key_value
from unresolved as u
cross join lateral (
    values
        ('application_type_key', u.application_type_key, u.application_type_key_unresolved),
        ('application_decision_key', u.application_decision_key, u.application_decision_key_unresolved),
        ('date_keys', u.date_keys, u.date_keys_unresolved),
        ('court_key', u.court_key, u.court_key_unresolved),
        ('nationality_key', u.nationality_key, u.nationality_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where k.unresolved
