-- Every dimension key of a proceeding changed by the release resolves to a dimension row.
-- Returns the offending proceedings, one row per unresolved key; empty = pass. One scan of the changed
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
        p.proceeding_id,
        p.court_key::bigint as court_key,
        p.court_key not in (select court_key from warehouse.dim_court) as court_key_unresolved,
        p.hearing_location_key::bigint as hearing_location_key,
        p.hearing_location_key not in (select hearing_location_key from warehouse.dim_hearing_location)
            as hearing_location_key_unresolved,
        p.judge_key::bigint as judge_key,
        p.judge_key not in (select judge_key from warehouse.dim_judge) as judge_key_unresolved,
        p.case_type_key::bigint as case_type_key,
        p.case_type_key not in (select case_type_key from warehouse.dim_case_type) as case_type_key_unresolved,
        p.nationality_key::bigint as nationality_key,
        p.nationality_key not in (select nationality_key from warehouse.dim_nationality)
            as nationality_key_unresolved,
        p.language_key::bigint as language_key,
        p.language_key not in (select language_key from warehouse.dim_language) as language_key_unresolved,
        p.custody_key::bigint as custody_key,
        p.custody_key not in (select custody_key from warehouse.dim_custody) as custody_key_unresolved,
        p.decision_key::bigint as decision_key,
        p.decision_key not in (select decision_key from warehouse.dim_decision) as decision_key_unresolved,
        p.completion_date_key::bigint as date_keys,
        (
            p.completion_date_key not in (select date_key from warehouse.dim_date)
            or p.nta_date_key not in (select date_key from warehouse.dim_date)
            or p.input_date_key not in (select date_key from warehouse.dim_date)
        ) as date_keys_unresolved,
        p.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or p.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or p.last_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                p.deleted_in_release_key is not null
                and p.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_proceeding as p
    where p.release_key = :release_key
)

select u.proceeding_id, k.key_column, k.key_value
from checked as u
cross join lateral (
    values
        ('court_key', u.court_key, u.court_key_unresolved),
        ('hearing_location_key', u.hearing_location_key, u.hearing_location_key_unresolved),
        ('judge_key', u.judge_key, u.judge_key_unresolved),
        ('case_type_key', u.case_type_key, u.case_type_key_unresolved),
        ('nationality_key', u.nationality_key, u.nationality_key_unresolved),
        ('language_key', u.language_key, u.language_key_unresolved),
        ('custody_key', u.custody_key, u.custody_key_unresolved),
        ('decision_key', u.decision_key, u.decision_key_unresolved),
        ('date_keys', u.date_keys, u.date_keys_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where (
    u.court_key_unresolved or u.hearing_location_key_unresolved or u.judge_key_unresolved
    or u.case_type_key_unresolved or u.nationality_key_unresolved or u.language_key_unresolved
    or u.custody_key_unresolved or u.decision_key_unresolved or u.date_keys_unresolved
    or u.release_keys_unresolved
)
    and k.unresolved
