-- Every dimension key of a charge changed by the release resolves to a dimension row.
-- Returns the offending charges, one row per unresolved key; empty = pass. One scan of the changed rows
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
        c.charge_id,
        c.charge_key::bigint as charge_key,
        c.charge_key not in (select charge_key from warehouse.dim_charge) as charge_key_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or c.first_seen_release_key not in (select release_key from warehouse.dim_release)
            or (
                c.deleted_in_release_key is not null
                and c.deleted_in_release_key not in (select release_key from warehouse.dim_release)
            )
        ) as release_keys_unresolved
    from warehouse.fct_charge as c
    where c.release_key = :release_key
)

select u.charge_id, k.key_column, k.key_value
from checked as u
cross join lateral (
    values
        ('charge_key', u.charge_key, u.charge_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where (u.charge_key_unresolved or u.release_keys_unresolved)
    and k.unresolved
