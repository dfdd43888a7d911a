-- A release soft-deletes at most 5% of the charges present before it; more means a truncated or wrong
-- delivery (a file cut short, or a table the release holds no rows of). Returns the figures when the
-- release deleted more; empty = pass. One scan of the fact counts both.
-- severity: error
-- threshold: 0
with counted as (
    select
        count(*) filter (where deleted_in_release_key = :release_key) as deleted_charges,
        count(*) filter (
            where first_seen_release_key <> :release_key
                and (deleted_in_release_key is null or deleted_in_release_key = :release_key)
        ) as charges_before
    from warehouse.fct_charge
)

select deleted_charges, charges_before
from counted
where deleted_charges > 100 and deleted_charges > 0.05 * charges_before
