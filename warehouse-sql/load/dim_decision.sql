-- dim_decision: judge decisions from tblLookupCourtDecision, keyed by case type, code and kind
-- (C = DEC_CODE, O = OTHER_COMP), plus inferred members for combinations used in the data.
-- Grain: one row per case type x code x kind.
insert into warehouse.dim_decision (
    case_type_code, decision_code, decision_kind, description, outcome_group, is_inferred
)
with lookup as (
    select distinct on (d.case_type, d.dec_code, d.dec_type)
        d.case_type,
        d.dec_code,
        d.dec_type,
        d.description
    from staging.eoir_court_decision as d
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
    order by d.case_type, d.dec_code, d.dec_type, d.line_number desc
)

select
    case_type,
    dec_code,
    dec_type,
    description,
    warehouse.outcome_group(case_type, dec_code, dec_type, description) as outcome_group,
    false as is_inferred
from lookup
on conflict (case_type_code, decision_code, decision_kind) do update
set description = excluded.description,
    outcome_group = excluded.outcome_group,
    is_inferred = false
where (dim_decision.description, dim_decision.outcome_group)
    is distinct from (excluded.description, excluded.outcome_group)
    or dim_decision.is_inferred;

insert into warehouse.dim_decision (
    case_type_code, decision_code, decision_kind, description, outcome_group, is_inferred
)
with used as (
    select distinct
        coalesce(p.case_type, '?') as case_type,
        coalesce(p.dec_code, p.other_comp) as code,
        case when p.dec_code is not null then 'C' else 'O' end as kind
    from staging.eoir_proceeding as p
    join etl.source_file as f using (source_file_id)
    where f.release_key = :release_key
        and coalesce(p.dec_code, p.other_comp) is not null
)

select
    case_type,
    code,
    kind,
    'Inferred from B_TblProceeding' as description,
    warehouse.outcome_group(case_type, code, kind, null) as outcome_group,
    true as is_inferred
from used
on conflict (case_type_code, decision_code, decision_kind) do nothing;
