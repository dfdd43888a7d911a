-- Every dimension key of a charge changed by the release resolves to a dimension row.
-- Returns the offending charges, one row per unresolved key; empty = pass. One scan of the changed
-- rows looks every key up in its dimension; only a row with a key left unresolved is unfolded into
-- one row per such key.
-- The release_key of every row read is the release's own: looked up once, not joined, which keeps
-- every join in the parallel workers' part of the plan.
-- severity: error
-- threshold: 0
with unresolved as (
    select
        c.charge_id,
        c.charge_key::bigint as charge_key,
        charge.charge_key is null as charge_key_unresolved,
        c.release_key::bigint as release_keys,
        (
            not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        ) as release_keys_unresolved
    from warehouse.fct_charge as c
    left join warehouse.dim_charge as charge on charge.charge_key = c.charge_key
    left join warehouse.dim_release as first_seen on first_seen.release_key = c.first_seen_release_key
    left join warehouse.dim_release as deleted_in on deleted_in.release_key = c.deleted_in_release_key
    where c.release_key = :release_key
        and (
            charge.charge_key is null
            or not exists (select from warehouse.dim_release as r where r.release_key = :release_key)
            or first_seen.release_key is null
            or (c.deleted_in_release_key is not null and deleted_in.release_key is null)
        )
)

select u.charge_id, k.key_column, k.key_value
from unresolved as u
cross join lateral (
    values
        ('charge_key', u.charge_key, u.charge_key_unresolved),
        ('release keys', u.release_keys, u.release_keys_unresolved)
) as k (key_column, key_value, unresolved)
where k.unresolved
