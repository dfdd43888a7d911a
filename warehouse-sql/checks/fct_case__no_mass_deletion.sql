-- A release soft-deletes at most 5% of the cases present before it (EOIR withholds thousands of
-- rows at most, out of millions); more means a truncated or wrong delivery. Returns the figures
-- when the release deleted more; empty = pass.
-- severity: error
-- threshold: 0
with deleted as (
    select count(*) as cases from warehouse.fct_case where deleted_in_release_key = :release_key
),

present_before as (
    select count(*) as cases
    from warehouse.fct_case
    where first_seen_release_key <> :release_key
        and (deleted_in_release_key is null or deleted_in_release_key = :release_key)
)

select deleted.cases as deleted_cases, present_before.cases as cases_before
from deleted cross join present_before
where deleted.cases > 100 and deleted.cases > 0.05 * present_before.cases
