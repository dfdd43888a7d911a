-- Every dimension key of a relief application changed by the release resolves to a dimension row.
-- Returns the offending applications, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- Each key is looked up with "not in" a dimension's keys, which PostgreSQL evaluates against a hash
-- table of those keys built once per process: a filter on the scan of the fact, where a join per key
-- passed every row through one join after another. The keys are all "not null" but for
-- deleted_in_release_key, so "not in" is never null but for that one.
-- The release_key of every row read is the release's own: looked up once, not compared row by row.
-- severity: error
-- threshold: 0
with checked as (
    select
        a.application_id,
        a.application_type_key::bigint as application_type_key,
        a.application_type_key not in (select application_type_key from warehouse.dim_application_type)
            as application_type_key_unresolved,
        a.application_decision_key::bigint as application_decision_key,
        a.application_decision_key not in (
            select application_decision_key from warehouse.dim_application_decision
        ) as application_decision_key_unresolved,
        a.received_date_key::bigint as date_keys,
        (
            a.received_date_key not in (select date_key from warehouse.dim_date)
            or a.decision_date_key not in (select date_key from warehouse.dim_date)
        ) as date_keys_unresolved,
        a.court_key::bigint as court_key,
        a.court_key not in (select court_key from warehouse.dim_court) as court_key_unresolved,
        a.nationality_key::bigint as nationality_key,
        a.nationality_key not in (select nationality_key from warehouse.dim_nationality)
            as nationality_key_unresolved,
        a.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or a.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                a.deleted_in_release_key is not null
                and a.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_application as a
    where a.release_key = :release_key
)

select u.application_id, k.key_column, k.key_value
from checked as u
cross join lateral (
    values
        ('application_type_key', u.application_type_key, u.application_type_key_unresolved),
        ('application_decision_key', u.application_decision_key, u.application_decision_key_unresolved),
        ('date_keys', u.date_keys, u.date_keys_unresolved),
        ('court_key', u.court_key, u.court_key_unresolved),
        ('nationality_key', u.nationality_key, u.nationality_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where (
    u.application_type_key_unresolved or u.application_decision_key_unresolved or u.date_keys_unresolved
    or u.court_key_unresolved or u.nationality_key_unresolved or u.release_keys_unresolved
)
    and k.unresolved
