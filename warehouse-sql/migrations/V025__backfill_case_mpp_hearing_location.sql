-- Cases loaded before fct_case.mpp_hearing_location_key existed: a case MPP by location takes the port
-- court of its earliest proceeding (by input date, then id) heard at one, else of its earliest hearing
-- scheduled at one, so that a case transferred out before the next release still has its location.
with proceeding_at_port as (
    select distinct on (p.case_id) p.case_id, p.hearing_location_key
    from warehouse.fct_proceeding as p
    join warehouse.dim_hearing_location as hl using (hearing_location_key)
    join warehouse.dim_date as input_date on input_date.date_key = p.input_date_key
    where hl.is_mpp_location
    order by p.case_id, input_date.full_date nulls last, p.proceeding_id
),

hearing_at_port as (
    select distinct on (h.case_id) h.case_id, h.hearing_location_key
    from warehouse.fct_hearing as h
    join warehouse.dim_hearing_location as hl using (hearing_location_key)
    join warehouse.dim_date as hearing_date on hearing_date.date_key = h.hearing_date_key
    where hl.is_mpp_location
    order by h.case_id, hearing_date.full_date nulls last, h.schedule_id
)

update warehouse.fct_case as c
set mpp_hearing_location_key = coalesce(p.hearing_location_key, h.hearing_location_key)
from warehouse.fct_case as located
left join proceeding_at_port as p on p.case_id = located.case_id
left join hearing_at_port as h on h.case_id = located.case_id
where c.case_id = located.case_id
    and c.mpp_by_location
    and c.mpp_hearing_location_key = -1
    and coalesce(p.hearing_location_key, h.hearing_location_key) is not null;
