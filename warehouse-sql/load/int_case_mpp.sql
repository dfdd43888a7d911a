-- int_case_mpp: the two MPP signals of the release's cases, for fct_case and fct_proceeding.
-- A case is MPP by location when a proceeding's hearing, scheduled or previous hearing location, or
-- the location of one of its scheduled hearings, is an MPP port court, in this release or an earlier
-- one: a case stays MPP after a transfer out.
-- Grain: one row per case with a signal or an MPP port court, from the release or the warehouse; the
-- facts join it by case, and a case without a row has neither signal nor port court (most cases:
-- writing a row for each of them cost more than the rest of this statement).
-- A row for a case the release lacks is never joined.
delete from staging.int_case_mpp where release_key = :release_key;

insert into staging.int_case_mpp (release_key, case_id, mpp_by_identifier, mpp_by_location, mpp_hearing_loc_code)
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

-- The MPP port court of each proceeding with an MPP signal: its own hearing location first, then
-- its scheduled and previous hearing locations, then its earliest hearing scheduled at a port court.
-- Lines a later line of the same key replaces (dedup_same_key.sql) give no signal: the facts read
-- the last line alone.
hearing_at_port as (
    select distinct on (s.idnproceeding)
        s.idnproceeding,
        s.idncase,
        s.hearing_loc_code
    from staging.eoir_schedule as s join release_files using (source_file_id)
    where s.hearing_loc_code in (select hearing_loc_code from mpp_locations)
        and not s.replaced_by_later_line
    order by s.idnproceeding, s.adj_date nulls last, s.idnschedule
),

proceeding_location as (
    select
        p.idncase as case_id,
        p.input_date,
        p.idnproceeding,
        coalesce(p.hearing_loc_code in (select hearing_loc_code from mpp_locations), false) as held_at_port,
        case
            when p.hearing_loc_code in (select hearing_loc_code from mpp_locations) then p.hearing_loc_code
            when p.scheduled_hear_loc in (select hearing_loc_code from mpp_locations) then p.scheduled_hear_loc
            when p.prev_hearing_loc in (select hearing_loc_code from mpp_locations) then p.prev_hearing_loc
            else h.hearing_loc_code
        end as mpp_hearing_loc_code
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    left join hearing_at_port as h on h.idnproceeding = p.idnproceeding
    where not p.replaced_by_later_line
),

proceeding_at_port as (
    select * from proceeding_location where mpp_hearing_loc_code is not null
),

-- MPP by location: a proceeding or a scheduled hearing at a port court, or an earlier release's.
by_location as (
    select case_id from proceeding_at_port
    union
    select idncase from hearing_at_port
    union
    select c.case_id
    from warehouse.fct_case as c
    where c.mpp_by_location
),

-- The case's MPP hearing location: that of its earliest proceeding (by input date, then id) held at a
-- port court; for a case none of whose proceedings is held at one, the port court of its earliest
-- proceeding with another signal (a scheduled or previous hearing location, a scheduled hearing).
case_location as (
    select distinct on (case_id) case_id, mpp_hearing_loc_code
    from proceeding_at_port
    order by case_id, held_at_port desc, input_date nulls last, idnproceeding
),

-- Hearings at a port court whose proceeding the release lacks still place their case.
hearing_case_location as (
    select distinct on (idncase) idncase as case_id, hearing_loc_code as mpp_hearing_loc_code
    from hearing_at_port
    order by idncase, idnproceeding
),

-- A case the release no longer shows at a port court (transferred out) keeps the location it had.
earlier_location as (
    select c.case_id, hl.hearing_loc_code as mpp_hearing_loc_code
    from warehouse.fct_case as c
    join warehouse.dim_hearing_location as hl on hl.hearing_location_key = c.mpp_hearing_location_key
    where c.mpp_hearing_location_key <> -1
),

with_signal as (
    select case_id from by_identifier
    union
    select case_id from by_location
    union
    select case_id from earlier_location
)

select
    :release_key as release_key,
    a.case_id,
    i.case_id is not null as mpp_by_identifier,
    l.case_id is not null as mpp_by_location,
    coalesce(cl.mpp_hearing_loc_code, hcl.mpp_hearing_loc_code, e.mpp_hearing_loc_code) as mpp_hearing_loc_code
from with_signal as a
left join by_identifier as i on i.case_id = a.case_id
left join by_location as l on l.case_id = a.case_id
left join earlier_location as e on e.case_id = a.case_id
left join case_location as cl on cl.case_id = a.case_id
left join hearing_case_location as hcl on hcl.case_id = a.case_id;

-- The facts join this table by case; without fresh statistics the planner takes it for empty.
analyze staging.int_case_mpp;
