-- A release soft-deletes at most 5% of the applications present before it (EOIR has withheld a few
-- thousand between releases, out of millions); more means a truncated or wrong delivery.
-- Returns the figures when the release deleted more; empty = pass.
-- severity: error
-- threshold: 0
with deleted as (
    select count(*) as applications from warehouse.fct_application where deleted_in_release_key = :release_key
),

present_before as (
    select count(*) as applications
    from warehouse.fct_application
    where first_seen_release_key <> :release_key
        and (deleted_in_release_key is null or deleted_in_release_key = :release_key)
)

select deleted.applications as deleted_applications, present_before.applications as applications_before
from deleted cross join present_before
where deleted.applications > 100 and deleted.applications > 0.05 * present_before.applications
