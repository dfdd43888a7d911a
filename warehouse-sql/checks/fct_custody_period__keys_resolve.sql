-- Every dimension key of a custody period changed by the release resolves to a dimension row.
-- Returns the offending custody periods, one row per unresolved key; empty = pass. One scan of the
-- changed rows looks every key up in its dimension; only a row with a key left unresolved is unfolded
-- into one row per such key.
-- Each key is looked up with "not in" a dimension's keys, which PostgreSQL evaluates against a hash
-- table of those keys built once per process: a filter on the scan of the fact, where a join per key
-- passed every row through one join after another. The keys are all "not null" but for
-- deleted_in_release_key, so "not in" is never null but for that one.
-- The release_key of every row read is the release's own: looked up once, not compared row by row.
-- severity: error
-- threshold: 0
with checked as (
    select
        c.custody_history_id,
        c.custody_key::bigint as custody_key,
        c.custody_key not in (select custody_key from warehouse.dim_custody) as custody_key_unresolved,
        c.detained_date_key::bigint as date_keys,
        (
            c.detained_date_key not in (select date_key from warehouse.dim_date)
            or c.released_date_key not in (select date_key from warehouse.dim_date)
        ) as date_keys_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or c.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                c.deleted_in_release_key is not null
                and c.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_custody_period as c
    where c.release_key = :release_key
)

select u.custody_history_id, k.key_column, k.key_value
from checked as u
cross join lateral (
    values
        ('custody_key', u.custody_key, u.custody_key_unresolved),
        ('date_keys', u.date_keys, u.date_keys_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where (u.custody_key_unresolved or u.date_keys_unresolved or u.release_keys_unresolved)
    and k.unresolved
