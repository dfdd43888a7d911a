-- Asylum grant rate by immigration court: of the asylum applications decided in completed proceedings,
-- how many were granted against granted plus denied, per court and fiscal year of the decision.
-- Grain: one row per court x fiscal year. Abandoned and withdrawn applications are shown, not rated.
select
    d.base_city_code,
    c.court_name,
    d.fiscal_year,
    sum(d.granted) as granted,
    sum(d.denied) as denied,
    sum(d.abandoned) as abandoned,
    sum(d.withdrawn) as withdrawn,
    round(sum(d.granted)::numeric / nullif(sum(d.granted) + sum(d.denied), 0), 3) as grant_rate
from reporting.asylum_decisions as d
join warehouse.dim_court as c on c.base_city_code = d.base_city_code
group by d.base_city_code, c.court_name, d.fiscal_year
order by d.base_city_code, d.fiscal_year;
