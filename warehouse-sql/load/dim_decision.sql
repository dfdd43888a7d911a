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
-- The combinations the proceedings use, recorded as they were staged (staging.used_value, the column
-- case_type+dec_code+other_comp, as a text[]), not found again in every staged proceeding. The
-- recorded rows are picked first (materialized): other columns' codes are no arrays.
with recorded as materialized (
    select u.code
    from staging.used_value as u
    join etl.source_file as f on f.source_file_id = u.source_file_id
    where f.release_key = :release_key
        and u.table_name = 'B_TblProceeding'
        and u.column_name = 'case_type+dec_code+other_comp'
),

used as (
    select distinct
        coalesce(r.v[1], '?') as case_type,
        coalesce(r.v[2], r.v[3]) as code,
        case when r.v[2] is not null then 'C' else 'O' end as kind
    from (select code::text[] as v from recorded) as r
    where coalesce(r.v[2], r.v[3]) is not null
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
