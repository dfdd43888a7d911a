-- int_case_mpp: the two MPP signals of every case of the release, for fct_case and fct_proceeding.
-- Grain: one row per case id seen in A_TblCase or B_TblProceeding.
delete from staging.int_case_mpp where release_key = :release_key;

insert into staging.int_case_mpp (release_key, case_id, mpp_by_identifier, mpp_by_location)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

by_identifier as (
    select distinct ci.idncase as case_id
    from staging.eoir_case_identifier as ci join release_files using (source_file_id)
    where ci.case_id in ('MP', 'RM')
),

by_location as (
    select distinct p.idncase as case_id
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    join warehouse.dim_hearing_location as hl on hl.hearing_loc_code = p.hearing_loc_code
    where hl.is_mpp_location
),

all_cases as (
    select c.idncase as case_id from staging.eoir_case as c join release_files using (source_file_id)
    union
    select p.idncase from staging.eoir_proceeding as p join release_files using (source_file_id)
)

select
    :release_key as release_key,
    a.case_id,
    i.case_id is not null as mpp_by_identifier,
    l.case_id is not null as mpp_by_location
from all_cases as a
left join by_identifier as i on i.case_id = a.case_id
left join by_location as l on l.case_id = a.case_id;

-- The facts join this table by case; without fresh statistics the planner takes it for empty.
analyze staging.int_case_mpp;
