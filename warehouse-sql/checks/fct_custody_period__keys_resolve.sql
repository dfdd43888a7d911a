-- Every dimension key of a custody period changed by the release resolves to a dimension row.
-- Returns the offending custody periods, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        c.custody_history_id,
        c.custody_key::bigint as custody_key,
        custody.custody_key is null as custody_key_unresolved,
        c.detained_date_key::bigint as date_keys,
        (
            detained_date.date_key is null
            or released_date.date_key is null
        ) as date_keys_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_custody_period as c
    left join warehouse.dim_custody as custody on custody.custody_key = c.custody_key
    left join warehouse.dim_date as detained_date on detained_date.date_key = c.detained_date_key
    left join warehouse.dim_date as released_date on released_date.date_key = c.released_date_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = c.first_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = c.deleted_in_release_key
    where c.release_key = :release_key
        and (
            custody.custody_key is null
            or detained_date.date_key is null
            or released_date.date_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.custody_history_id, k.key_column, k.key_value
from unresolved as u
cross join lateral (
    values
        ('custody_key', u.custody_key, u.custody_key_unresolved),
        ('date_keys', u.date_keys, u.date_keys_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where k.unresolved
