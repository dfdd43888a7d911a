-- Pending caseload by court as of the latest EOIR release: proceedings without a decision, largest
-- dockets first, with each court's share of the national backlog.
-- Grain: one row per court.
select
    p.base_city_code,
    c.court_name,
    c.state,
    p.as_of_date,
    p.pending_proceedings,
    round(p.pending_proceedings::numeric / sum(p.pending_proceedings) over (), 4) as share_of_backlog
from reporting.pending_caseload as p
join warehouse.dim_court as c on c.base_city_code = p.base_city_code
order by p.pending_proceedings desc, p.base_city_code;
