-- In-absentia removal orders as a share of completed removal proceedings, MPP cases against the rest.
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
