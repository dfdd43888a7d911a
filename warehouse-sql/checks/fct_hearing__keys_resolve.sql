-- Every dimension key of a scheduled hearing changed by the release resolves to a dimension row.
-- Returns the offending hearings, one row per unresolved key; empty = pass. One scan of the changed
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
        h.schedule_id,
        h.hearing_date_key::bigint as hearing_date_key,
        h.hearing_date_key not in (select date_key from warehouse.dim_date) as hearing_date_key_unresolved,
        h.hearing_location_key::bigint as hearing_location_key,
        h.hearing_location_key not in (select hearing_location_key from warehouse.dim_hearing_location)
            as hearing_location_key_unresolved,
        h.court_key::bigint as court_key,
        h.court_key not in (select court_key from warehouse.dim_court) as court_key_unresolved,
        h.judge_key::bigint as judge_key,
        h.judge_key not in (select judge_key from warehouse.dim_judge) as judge_key_unresolved,
        h.language_key::bigint as language_key,
        h.language_key not in (select language_key from warehouse.dim_language) as language_key_unresolved,
        h.adjournment_reason_key::bigint as adjournment_reason_key,
        h.adjournment_reason_key not in (select adjournment_reason_key from warehouse.dim_adjournment_reason)
            as adjournment_reason_key_unresolved,
        h.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or h.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                h.deleted_in_release_key is not null
                and h.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_hearing as h
    where h.release_key = :release_key
)

select u.schedule_id, k.key_column, k.key_value
from checked as u
cross join lateral (
    values
        ('hearing_date_key', u.hearing_date_key, u.hearing_date_key_unresolved),
        ('hearing_location_key', u.hearing_location_key, u.hearing_location_key_unresolved),
        ('court_key', u.court_key, u.court_key_unresolved),
        ('judge_key', u.judge_key, u.judge_key_unresolved),
        ('language_key', u.language_key, u.language_key_unresolved),
        ('adjournment_reason_key', u.adjournment_reason_key, u.adjournment_reason_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where (
    u.hearing_date_key_unresolved or u.hearing_location_key_unresolved or u.court_key_unresolved
    or u.judge_key_unresolved or u.language_key_unresolved or u.adjournment_reason_key_unresolved
    or u.release_keys_unresolved
)
    and k.unresolved
