-- Every dimension key of a scheduled hearing changed by the release resolves to a dimension row.
-- Returns the offending hearings, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        h.schedule_id,
        h.hearing_date_key::bigint as hearing_date_key,
        hearing_date.date_key is null as hearing_date_key_unresolved,
        h.hearing_location_key::bigint as hearing_location_key,
        hearing_location.hearing_location_key is null as hearing_location_key_unresolved,
        h.court_key::bigint as court_key,
        court.court_key is null as court_key_unresolved,
        h.judge_key::bigint as judge_key,
        judge.judge_key is null as judge_key_unresolved,
        h.language_key::bigint as language_key,
        language.language_key is null as language_key_unresolved,
        h.adjournment_reason_key::bigint as adjournment_reason_key,
        adjournment_reason.adjournment_reason_key is null as adjournment_reason_key_unresolved,
        h.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (h.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_hearing as h
    left join warehouse.dim_date as hearing_date on hearing_date.date_key = h.hearing_date_key
    left join warehouse.dim_hearing_location as hearing_location
        on hearing_location.hearing_location_key = h.hearing_location_key
    left join warehouse.dim_court as court on court.court_key = h.court_key
    left join warehouse.dim_judge as judge on judge.judge_key = h.judge_key
    left join warehouse.dim_language as language on language.language_key = h.language_key
    left join warehouse.dim_adjournment_reason as adjournment_reason
        on adjournment_reason.adjournment_reason_key = h.adjournment_reason_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = h.first_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = h.deleted_in_release_key
    where h.release_key = :release_key
        and (
            hearing_date.date_key is null
            or hearing_location.hearing_location_key is null
            or court.court_key is null
            or judge.judge_key is null
            or language.language_key is null
            or adjournment_reason.adjournment_reason_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (h.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.schedule_id, k.key_column, k.key_value
from unresolved as u
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
where k.unresolved
