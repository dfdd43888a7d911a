-- Every dimension key of a proceeding changed by the release resolves to a dimension row.
-- Returns the offending proceedings, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        p.proceeding_id,
        p.court_key::bigint as court_key,
        court.court_key is null as court_key_unresolved,
        p.hearing_location_key::bigint as hearing_location_key,
        hearing_location.hearing_location_key is null as hearing_location_key_unresolved,
        p.judge_key::bigint as judge_key,
        judge.judge_key is null as judge_key_unresolved,
        p.case_type_key::bigint as case_type_key,
        case_type.case_type_key is null as case_type_key_unresolved,
        p.nationality_key::bigint as nationality_key,
        nationality.nationality_key is null as nationality_key_unresolved,
        p.language_key::bigint as language_key,
        language.language_key is null as language_key_unresolved,
        p.custody_key::bigint as custody_key,
        custody.custody_key is null as custody_key_unresolved,
        p.decision_key::bigint as decision_key,
        decision.decision_key is null as decision_key_unresolved,
        p.completion_date_key::bigint as date_keys,
        (
            completion_date.date_key is null
            or nta_date.date_key is null
            or input_date.date_key is null
        ) as date_keys_unresolved,
        p.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or last_seen.release_key is null
            or (p.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_proceeding as p
    left join warehouse.dim_court as court on court.court_key = p.court_key
    left join warehouse.dim_hearing_location as hearing_location
        on hearing_location.hearing_location_key = p.hearing_location_key
    left join warehouse.dim_judge as judge on judge.judge_key = p.judge_key
    left join warehouse.dim_case_type as case_type on case_type.case_type_key = p.case_type_key
    left join warehouse.dim_nationality as nationality on nationality.nationality_key = p.nationality_key
    left join warehouse.dim_language as language on language.language_key = p.language_key
    left join warehouse.dim_custody as custody on custody.custody_key = p.custody_key
    left join warehouse.dim_decision as decision on decision.decision_key = p.decision_key
    left join warehouse.dim_date as completion_date on completion_date.date_key = p.completion_date_key
    left join warehouse.dim_date as nta_date on nta_date.date_key = p.nta_date_key
    left join warehouse.dim_date as input_date on input_date.date_key = p.input_date_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = p.first_seen_release_key
    left join warehouse.dim_release as last_seen on last_seen.release_key = p.last_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = p.deleted_in_release_key
    where p.release_key = :release_key
        and (
            court.court_key is null
            or hearing_location.hearing_location_key is null
            or judge.judge_key is null
            or case_type.case_type_key is null
            or nationality.nationality_key is null
            or language.language_key is null
            or custody.custody_key is null
            or decision.decision_key is null
            or completion_date.date_key is null
            or nta_date.date_key is null
            or input_date.date_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or last_seen.release_key is null
            or (p.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.proceeding_id, k.key_column, k.key_value
from unresolved as u
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
where k.unresolved
