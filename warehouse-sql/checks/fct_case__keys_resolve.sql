-- Every dimension key of a case changed by the release resolves to a dimension row.
-- Returns the offending cases, one row per unresolved key; empty = pass. One scan of the changed rows
-- looks every key up in its dimension; only a row with a key left unresolved is unfolded into one row
-- per such key.
-- Each key is looked up with "not in" a dimension's keys, which PostgreSQL evaluates against a hash
-- table of those keys built once per process: a filter on the scan of the fact, where a join per key
-- passed every row through one join after another. The keys are all "not null" but for
-- deleted_in_release_key, so "not in" is never null but for that one.
-- The release_key of every row read is the release's own: looked up once, not compared row by row.
-- severity: error
-- threshold: 0
with checked as (
    select
        c.case_id,
        c.nationality_key::bigint as nationality_key,
        c.nationality_key not in (select nationality_key from warehouse.dim_nationality)
            as nationality_key_unresolved,
        c.language_key::bigint as language_key,
        c.language_key not in (select language_key from warehouse.dim_language) as language_key_unresolved,
        c.custody_key::bigint as custody_key,
        c.custody_key not in (select custody_key from warehouse.dim_custody) as custody_key_unresolved,
        c.case_type_key::bigint as case_type_key,
        c.case_type_key not in (select case_type_key from warehouse.dim_case_type) as case_type_key_unresolved,
        c.court_key::bigint as court_key,
        c.court_key not in (select court_key from warehouse.dim_court) as court_key_unresolved,
        c.mpp_hearing_location_key::bigint as mpp_hearing_location_key,
        c.mpp_hearing_location_key not in (select hearing_location_key from warehouse.dim_hearing_location)
            as mpp_hearing_location_key_unresolved,
        c.date_of_entry_key::bigint as date_of_entry_key,
        c.date_of_entry_key not in (select date_key from warehouse.dim_date) as date_of_entry_key_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or c.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or c.last_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                c.deleted_in_release_key is not null
                and c.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_case as c
    where c.release_key = :release_key
)

select u.case_id, k.key_column, k.key_value
from checked as u
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
where (
    u.nationality_key_unresolved or u.language_key_unresolved or u.custody_key_unresolved
    or u.case_type_key_unresolved or u.court_key_unresolved or u.mpp_hearing_location_key_unresolved
    or u.date_of_entry_key_unresolved or u.release_keys_unresolved
)
    and k.unresolved
