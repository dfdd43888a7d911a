-- Every dimension key of a case changed by the release resolves to a dimension row.
-- Returns the offending cases, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        c.case_id,
        c.nationality_key::bigint as nationality_key,
        nationality.nationality_key is null as nationality_key_unresolved,
        c.language_key::bigint as language_key,
        language.language_key is null as language_key_unresolved,
        c.custody_key::bigint as custody_key,
        custody.custody_key is null as custody_key_unresolved,
        c.case_type_key::bigint as case_type_key,
        case_type.case_type_key is null as case_type_key_unresolved,
        c.court_key::bigint as court_key,
        court.court_key is null as court_key_unresolved,
        c.mpp_hearing_location_key::bigint as mpp_hearing_location_key,
        mpp_hearing_location.hearing_location_key is null as mpp_hearing_location_key_unresolved,
        c.date_of_entry_key::bigint as date_of_entry_key,
        date_of_entry.date_key is null as date_of_entry_key_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or last_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_case as c
    left join warehouse.dim_nationality as nationality on nationality.nationality_key = c.nationality_key
    left join warehouse.dim_language as language on language.language_key = c.language_key
    left join warehouse.dim_custody as custody on custody.custody_key = c.custody_key
    left join warehouse.dim_case_type as case_type on case_type.case_type_key = c.case_type_key
    left join warehouse.dim_court as court on court.court_key = c.court_key
    left join warehouse.dim_hearing_location as mpp_hearing_location
        on mpp_hearing_location.hearing_location_key = c.mpp_hearing_location_key
    left join warehouse.dim_date as date_of_entry on date_of_entry.date_key = c.date_of_entry_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = c.first_seen_release_key
    left join warehouse.dim_release as last_seen on last_seen.release_key = c.last_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = c.deleted_in_release_key
    where c.release_key = :release_key
        and (
            nationality.nationality_key is null
            or language.language_key is null
            or custody.custody_key is null
            or case_type.case_type_key is null
            or court.court_key is null
            or mpp_hearing_location.hearing_location_key is null
            or date_of_entry.date_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or last_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.case_id, k.key_column, k.key_value
from unresolved as u
cross join lateral (
    values
        ('nationality_key', u.nationality_key, u.nationality_key_unresolved),
        ('language_key', u.language_key, u.language_key_unresolved),
        ('custody_key', u.custody_key, u.custody_key_unresolved),
        ('case_type_key', u.case_type_key, u.case_type_key_unresolved),
        ('court_key', u.court_key, u.court_key_unresolved),
        ('mpp_hearing_location_key', u.mpp_hearing_location_key, u.mpp_hearing_location_key_unresolved),
        ('date_of_entry_key', u.date_of_entry_key, u.date_of_entry_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where k.unresolved
