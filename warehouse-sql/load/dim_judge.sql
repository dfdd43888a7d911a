-- dim_judge: immigration judges from tblLookupJudge as a type 2 dimension dated by the release's
-- as-of date; a judge's court is where the judge holds most pending proceedings of the release (with
-- none pending, where the judge completed the last). Codes used in proceedings or scheduled hearings
-- but missing from the lookup become inferred members.
-- Grain: one row per judge version; one current row per judge code.
create temporary table incoming_judge on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

lookup as (
    select distinct on (j.judge_code)
        j.judge_code,
        j.judge_name
    from staging.eoir_judge as j join release_files using (source_file_id)
    order by j.judge_code, j.line_number desc
),

-- A judge's court: the one of most of the judge's pending proceedings; for a judge with none pending,
-- the one of the latest completion; the first by code of those tied. Not the court of most of all
-- the judge's proceedings: a judge who moved keeps the completed ones where they were heard, which
-- would outnumber the new court's for years. The proceedings are counted per judge and court, a hash
-- aggregate of a few hundred groups that parallel workers share, rather than sorted by judge.
judge_courts as (
    select
        p.ij_code as judge_code,
        p.base_city_code,
        count(*) filter (where p.comp_date is null) as pending,
        max(p.comp_date) as last_completion
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    where p.ij_code is not null and p.base_city_code is not null
    group by p.ij_code, p.base_city_code
),

courts as (
    select distinct on (judge_code) judge_code, base_city_code
    from judge_courts
    order by judge_code, pending desc, last_completion desc nulls last, base_city_code
),

-- Judges named only on scheduled hearings: known by code, their court left as it was. The hearings'
-- judge codes were recorded as they were staged (used_code.sql).
hearing_judges as (
    select u.code as judge_code from used_code as u where u.dimension = 'judge'
),

used as (
    select judge_code, base_city_code, 'B_TblProceeding' as source_table from courts
    union all
    select h.judge_code, null, 'tbl_schedule'
    from hearing_judges as h
    where not exists (select 1 from courts as c where c.judge_code = h.judge_code)
)

select
    coalesce(l.judge_code, u.judge_code) as judge_code,
    case when l.judge_code is null then 'Inferred from ' || u.source_table else l.judge_name end as judge_name,
    u.base_city_code,
    l.judge_code is null as is_inferred
from lookup as l
full join used as u on u.judge_code = l.judge_code;

update warehouse.dim_judge as d
set valid_to = cast(:as_of_date as date),
    is_current = false
from incoming_judge as i
where d.judge_code = i.judge_code
    and d.is_current
    and not d.is_inferred
    and not i.is_inferred
    and (d.judge_name, d.base_city_code)
        is distinct from (coalesce(i.judge_name, d.judge_name), coalesce(i.base_city_code, d.base_city_code))
    and d.valid_from < cast(:as_of_date as date);

update warehouse.dim_judge as d
set judge_name = coalesce(i.judge_name, d.judge_name),
    base_city_code = coalesce(i.base_city_code, d.base_city_code),
    is_inferred = i.is_inferred
from incoming_judge as i
where d.judge_code = i.judge_code
    and d.is_current
    and (d.is_inferred or d.valid_from >= cast(:as_of_date as date))
    and (d.judge_name, d.base_city_code, d.is_inferred)
        is distinct from (
            coalesce(i.judge_name, d.judge_name), coalesce(i.base_city_code, d.base_city_code), i.is_inferred
        )
    and not (i.is_inferred and not d.is_inferred);

insert into warehouse.dim_judge (
    judge_code, judge_name, base_city_code, valid_from, valid_to, is_current, is_inferred
)
select
    i.judge_code,
    coalesce(i.judge_name, previous.judge_name) as judge_name,
    coalesce(i.base_city_code, previous.base_city_code) as base_city_code,
    cast(:as_of_date as date) as valid_from,
    null as valid_to,
    true as is_current,
    i.is_inferred
from incoming_judge as i
left join lateral (
    select d.judge_name, d.base_city_code
    from warehouse.dim_judge as d
    where d.judge_code = i.judge_code
    order by d.valid_from desc, d.judge_key desc
    limit 1
) as previous on true
where not exists (
    select 1 from warehouse.dim_judge as d where d.judge_code = i.judge_code and d.is_current
);

-- The span each version holds, for the facts that point at a judge: from its valid_from to the next
-- version's, the first version also covering every date before the first release that recorded
-- the judge. A table parallel workers can read (migration V044), cleared at publication.
delete from staging.int_judge_version where release_key = :release_key;

insert into staging.int_judge_version (release_key, judge_key, judge_code, is_current, valid_to, effective_from)
select
    :release_key,
    j.judge_key,
    j.judge_code,
    j.is_current,
    j.valid_to,
    case
        when j.valid_from = min(j.valid_from) over (partition by j.judge_code) then date '-infinity'
        else j.valid_from
    end as effective_from
from warehouse.dim_judge as j
where j.judge_key <> -1;

-- The facts join it by judge code; without statistics the planner takes it for large.
analyze staging.int_judge_version;
