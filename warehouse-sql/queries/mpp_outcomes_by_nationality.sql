-- MPP cases' completed proceedings by nationality and outcome, with in-absentia and representation shares.
-- Grain: one row per nationality x outcome group.
select
    nationality_code,
    nationality_name,
    outcome_group,
    sum(proceedings) as proceedings,
    sum(in_absentia) as in_absentia,
    round(sum(in_absentia)::numeric / sum(proceedings), 3) as in_absentia_share,
    round(sum(represented)::numeric / sum(proceedings), 3) as represented_share
from reporting.mpp_case_outcomes
group by nationality_code, nationality_name, outcome_group
order by proceedings desc;
