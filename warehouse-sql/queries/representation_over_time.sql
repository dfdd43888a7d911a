-- Representation over time: the share of proceedings with a lawyer or accredited representative before
-- the court, by fiscal year of the charging document (NTA), MPP cases against the rest.
-- Grain: one row per fiscal year x MPP flag.
select
    fiscal_year,
    is_mpp,
    sum(proceedings) as proceedings,
    sum(represented) as represented,
    round(sum(represented)::numeric / sum(proceedings), 3) as represented_share
from reporting.representation_rates
where fiscal_year is not null
group by fiscal_year, is_mpp
order by fiscal_year, is_mpp;
