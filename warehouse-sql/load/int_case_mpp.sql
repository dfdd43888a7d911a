-- int_case_mpp: the two MPP signals of every case of the release, for fct_case and fct_proceeding.
-- A case is MPP by location when a proceeding's hearing, scheduled or previous hearing location, or
-- the location of one of its scheduled hearings, is an MPP port court, in this release or an earlier
-- one: a case stays MPP after a transfer out.
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

mpp_locations as (
    select hearing_loc_code from warehouse.dim_hearing_location where is_mpp_location
),

by_location as (
    select p.idncase as case_id
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    where p.hearing_loc_code in (select hearing_loc_code from mpp_locations)
        or p.scheduled_hear_loc in (select hearing_loc_code from mpp_locations)
        or p.prev_hearing_loc in (select hearing_loc_code from mpp_locations)
    union
    select s.idncase
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where s.hearing_loc_code in (select hearing_loc_code from mpp_locations)
    union
    select c.case_id
    from warehouse.fct_case as c
    where c.mpp_by_location
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
