-- used_code: the codes and dates the release's case data use, by dimension, from the large staging tables
-- (a grouping set per column). The dimensions that add inferred members for codes missing from their
-- lookups, and dim_date, read them here rather than each scanning millions of staged rows again.
-- Grain: one row per dimension, code or date, and the EOIR table that uses it.
create temporary table used_code on commit drop as
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

-- A table's codes come from its distinct combinations of codes, a few thousand, which parallel workers
-- find (an aggregate with grouping sets runs on one backend); its dates, thousands each, from grouping sets.
case_codes as (
    select c.nat, c.lang, c.custody, c.case_type, c.update_site
    from staging.eoir_case as c join release_files using (source_file_id)
    group by c.nat, c.lang, c.custody, c.case_type, c.update_site
),

case_values as (
    select nat, lang, custody, case_type, update_site, null::date as date_of_entry, null::date as e_28_date
    from case_codes
    group by grouping sets ((nat), (lang), (custody), (case_type), (update_site))
    union all
    select null, null, null, null, null, c.date_of_entry, c.e_28_date
    from staging.eoir_case as c join release_files using (source_file_id)
    group by grouping sets ((c.date_of_entry), (c.e_28_date))
),

proceeding_codes as (
    select
        p.nat, p.lang, p.custody, p.case_type, p.base_city_code, p.hearing_loc_code, p.scheduled_hear_loc,
        p.prev_hearing_loc
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    group by
        p.nat, p.lang, p.custody, p.case_type, p.base_city_code, p.hearing_loc_code, p.scheduled_hear_loc,
        p.prev_hearing_loc
),

proceeding_values as (
    select
        nat, lang, custody, case_type, base_city_code, hearing_loc_code, scheduled_hear_loc, prev_hearing_loc,
        null::date as osc_date, null::date as input_date, null::date as comp_date
    from proceeding_codes
    group by grouping sets (
        (nat), (lang), (custody), (case_type), (base_city_code), (hearing_loc_code), (scheduled_hear_loc),
        (prev_hearing_loc)
    )
    union all
    select null, null, null, null, null, null, null, null, p.osc_date, p.input_date, p.comp_date
    from staging.eoir_proceeding as p join release_files using (source_file_id)
    group by grouping sets ((p.osc_date), (p.input_date), (p.comp_date))
),

schedule_codes as (
    select s.lang, s.base_city_code, s.hearing_loc_code, s.adj_rsn
    from staging.eoir_schedule as s join release_files using (source_file_id)
    group by s.lang, s.base_city_code, s.hearing_loc_code, s.adj_rsn
),

schedule_values as (
    select lang, base_city_code, hearing_loc_code, adj_rsn, null::date as adj_date
    from schedule_codes
    group by grouping sets ((lang), (base_city_code), (hearing_loc_code), (adj_rsn))
    union all
    select distinct null, null, null, null, s.adj_date
    from staging.eoir_schedule as s join release_files using (source_file_id)
),

application_values as (
    select distinct a.appl_recd_date
    from staging.eoir_application as a join release_files using (source_file_id)
),

custody_values as (
    select h.custody, h.datdetained, h.datreleased
    from staging.eoir_custody_history as h join release_files using (source_file_id)
    group by grouping sets ((h.custody), (h.datdetained), (h.datreleased))
)

-- Each grouped row holds one column's value, the others null.
select u.dimension, u.code, u.day, u.source_table
from case_values as c
cross join lateral (values
    ('nationality', c.nat, null::date, 'A_TblCase'),
    ('language', c.lang, null, 'A_TblCase'),
    ('custody', c.custody, null, 'A_TblCase'),
    ('case_type', c.case_type, null, 'A_TblCase'),
    ('court', c.update_site, null, 'A_TblCase'),
    ('date', null, c.date_of_entry, 'A_TblCase'),
    ('date', null, c.e_28_date, 'A_TblCase')
) as u (dimension, code, day, source_table)
where u.code is not null or u.day is not null
union
select u.dimension, u.code, u.day, u.source_table
from proceeding_values as p
cross join lateral (values
    ('nationality', p.nat, null::date, 'B_TblProceeding'),
    ('language', p.lang, null, 'B_TblProceeding'),
    ('custody', p.custody, null, 'B_TblProceeding'),
    ('case_type', p.case_type, null, 'B_TblProceeding'),
    ('court', p.base_city_code, null, 'B_TblProceeding'),
    ('hearing_location', p.hearing_loc_code, null, 'B_TblProceeding'),
    ('hearing_location', p.scheduled_hear_loc, null, 'B_TblProceeding'),
    ('hearing_location', p.prev_hearing_loc, null, 'B_TblProceeding'),
    ('date', null, p.osc_date, 'B_TblProceeding'),
    ('date', null, p.input_date, 'B_TblProceeding'),
    ('date', null, p.comp_date, 'B_TblProceeding')
) as u (dimension, code, day, source_table)
where u.code is not null or u.day is not null
union
select u.dimension, u.code, u.day, u.source_table
from schedule_values as s
cross join lateral (values
    ('language', s.lang, null::date, 'tbl_schedule'),
    ('court', s.base_city_code, null, 'tbl_schedule'),
    ('hearing_location', s.hearing_loc_code, null, 'tbl_schedule'),
    ('adjournment_reason', s.adj_rsn, null, 'tbl_schedule'),
    ('date', null, s.adj_date, 'tbl_schedule')
) as u (dimension, code, day, source_table)
where u.code is not null or u.day is not null
union
select 'date', null, a.appl_recd_date, 'tbl_Court_Appln'
from application_values as a
where a.appl_recd_date is not null
union
select u.dimension, u.code, u.day, u.source_table
from custody_values as h
cross join lateral (values
    ('custody', h.custody, null::date, 'tbl_CustodyHistory'),
    ('date', null, h.datdetained, 'tbl_CustodyHistory'),
    ('date', null, h.datreleased, 'tbl_CustodyHistory')
) as u (dimension, code, day, source_table)
where u.code is not null or u.day is not null;
