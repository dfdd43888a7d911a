-- A release soft-deletes at most 5% of the proceedings present before it; more means a truncated
-- or wrong delivery. Returns the figures when the release deleted more; empty = pass.
-- severity: error
-- threshold: 0
with deleted as (
    select count(*) as proceedings from warehouse.fct_proceeding where deleted_in_release_key = :release_key
),

present_before as (
    select count(*) as proceedings
    from warehouse.fct_proceeding
    where first_seen_release_key <> :release_key
        and (deleted_in_release_key is null or deleted_in_release_key = :release_key)
)

select deleted.proceedings as deleted_proceedings, present_before.proceedings as proceedings_before
from deleted cross join present_before
where deleted.proceedings > 100 and deleted.proceedings > 0.05 * present_before.proceedings
