-- Every dimension key of a proceeding changed by the release resolves to a dimension row.
-- Returns the offending proceedings, one row per unresolved key; empty = pass.
-- severity: error
-- threshold: 0
with changed as (
    select * from warehouse.fct_proceeding where release_key = :release_key
)

select p.proceeding_id, 'court_key' as key_column, p.court_key as key_value
from changed as p left join warehouse.dim_court as d on d.court_key = p.court_key
where d.court_key is null
union all
select p.proceeding_id, 'hearing_location_key', p.hearing_location_key
from changed as p left join warehouse.dim_hearing_location as d on d.hearing_location_key = p.hearing_location_key
where d.hearing_location_key is null
union all
select p.proceeding_id, 'judge_key', p.judge_key
from changed as p left join warehouse.dim_judge as d on d.judge_key = p.judge_key
where d.judge_key is null
union all
select p.proceeding_id, 'case_type_key', p.case_type_key
from changed as p left join warehouse.dim_case_type as d on d.case_type_key = p.case_type_key
where d.case_type_key is null
union all
select p.proceeding_id, 'nationality_key', p.nationality_key
from changed as p left join warehouse.dim_nationality as d on d.nationality_key = p.nationality_key
where d.nationality_key is null
union all
select p.proceeding_id, 'language_key', p.language_key
from changed as p left join warehouse.dim_language as d on d.language_key = p.language_key
where d.language_key is null
union all
select p.proceeding_id, 'custody_key', p.custody_key
from changed as p left join warehouse.dim_custody as d on d.custody_key = p.custody_key
where d.custody_key is null
union all
select p.proceeding_id, 'decision_key', p.decision_key
from changed as p left join warehouse.dim_decision as d on d.decision_key = p.decision_key
where d.decision_key is null
union all
select p.proceeding_id, 'date_keys', p.completion_date_key
from changed as p
left join warehouse.dim_date as nta on nta.date_key = p.nta_date_key
left join warehouse.dim_date as input on input.date_key = p.input_date_key
left join warehouse.dim_date as completion on completion.date_key = p.completion_date_key
where nta.date_key is null or input.date_key is null or completion.date_key is null
union all
select p.proceeding_id, 'release keys', p.release_key
from changed as p
where not exists (select 1 from warehouse.dim_release as r where r.release_key = p.release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = p.first_seen_release_key)
    or not exists (select 1 from warehouse.dim_release as r where r.release_key = p.last_seen_release_key)
    or (p.deleted_in_release_key is not null
        and not exists (select 1 from warehouse.dim_release as r where r.release_key = p.deleted_in_release_key))
