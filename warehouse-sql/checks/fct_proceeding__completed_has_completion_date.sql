-- A completed proceeding has a completion date and an outcome; a pending one has neither.
-- Returns the offending proceedings changed by the release; empty = pass.
-- severity: error
-- threshold: 0
select proceeding_id, is_completed, completion_date_key, outcome_group
from warehouse.fct_proceeding
where release_key = :release_key
    and (
        (is_completed and (completion_date_key = -1 or outcome_group is null))
        or (not is_completed and (completion_date_key <> -1 or outcome_group is not null or is_in_absentia))
    )
