-- A judge's decisions: completed proceedings by outcome and fiscal year, with in-absentia orders, for
-- one immigration judge across every court the judge sat in. As written it takes the judge with the
-- most completions; to ask about another, replace the chosen_judge select with
-- select 'ABC' as judge_code (a code from warehouse.dim_judge).
-- Grain: one row per fiscal year of completion x outcome group.
with chosen_judge as (
    select j.judge_code
    from warehouse.fct_proceeding as p
    join warehouse.dim_judge as j on j.judge_key = p.judge_key
    where p.is_completed and p.deleted_in_release_key is null and j.judge_key <> -1
    group by j.judge_code
    order by count(*) desc, j.judge_code
    limit 1
)

select
    j.judge_code,
    j.judge_name,
    d.fiscal_year,
    p.outcome_group,
    count(*) as proceedings,
    count(*) filter (where p.is_in_absentia) as in_absentia,
    count(*) filter (where p.is_represented) as represented
from warehouse.fct_proceeding as p
join warehouse.dim_judge as j on j.judge_key = p.judge_key
join chosen_judge as cj on cj.judge_code = j.judge_code
join warehouse.dim_date as d on d.date_key = p.completion_date_key
where p.is_completed
    and p.deleted_in_release_key is null
group by j.judge_code, j.judge_name, d.fiscal_year, p.outcome_group
order by d.fiscal_year, p.outcome_group;
