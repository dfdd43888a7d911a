-- dim_application_decision: decisions on relief applications from tblLookupCourtAppDecisions, grouped
-- as the warehouse contract says, plus inferred members for codes used in tbl_Court_Appln.
-- Grain: one row per decision code.
insert into warehouse.dim_application_decision (decision_code, description, decision_group, is_inferred)
with lookup as (
    select distinct on (d.code)
        d.code,
        d.description
    from staging.eoir_application_decision as d
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by d.code, d.line_number desc
),

used as (
    select distinct code from used_code where dimension = 'application_decision'
),

incoming as (
    select code, description, false as is_inferred from lookup
    union all
    select u.code, 'Inferred from tbl_Court_Appln', true
    from used as u
    where not exists (select 1 from lookup as l where l.code = u.code)
)

select
    code,
    description,
    case
        when code in ('G', 'F', 'C', 'I', 'P', 'L') then 'granted'
        when code = 'D' then 'denied'
        when code = 'A' then 'abandoned'
        when code = 'W' then 'withdrawn'
        else 'other'
    end as decision_group,
    is_inferred
from incoming
on conflict (decision_code) do update
set description = excluded.description,
    is_inferred = false
where not excluded.is_inferred
    and (dim_application_decision.description is distinct from excluded.description
        or dim_application_decision.is_inferred);
