-- In-absentia removal orders as a share of completed removal proceedings, MPP cases against the rest.
-- "Completed" is every proceeding with a completion date, as the warehouse defines it: changes of venue,
-- transfers and administrative closures close a proceeding too (the case goes on in another), so this rate is
-- lower than one over judges' decisions alone; for that, count fct_proceeding by outcome_group.
-- Grain: one row per fiscal year of completion x MPP flag.
select
    fiscal_year,
    is_mpp,
    sum(completed) as completed,
    sum(in_absentia) as in_absentia,
    round(sum(in_absentia)::numeric / sum(completed), 3) as in_absentia_rate
from reporting.in_absentia_rates
group by fiscal_year, is_mpp
order by fiscal_year, is_mpp;
