-- Analyst views over the warehouse: the numbers people quote. Soft-deleted rows are excluded
-- from every view. Re-created whenever this file changes.

drop view if exists reporting.mpp_case_outcomes;
drop view if exists reporting.asylum_decisions;
drop view if exists reporting.in_absentia_rates;
drop view if exists reporting.representation_rates;
drop view if exists reporting.pending_caseload;
drop view if exists reporting.load_history;
drop view if exists reporting.mpp_returns_by_month;
drop view if exists reporting.encounters_by_month;
drop view if exists reporting.unmapped_citizenship_labels;

-- Completed proceedings of MPP cases by nationality x the case's MPP hearing location x outcome.
create view reporting.mpp_case_outcomes as
with mpp_proceedings as (
    select
        p.proceeding_id,
        p.case_id,
        p.nationality_key,
        p.outcome_group,
        p.is_completed,
        p.is_in_absentia,
        p.is_represented,
        hl.hearing_loc_code,
        hl.is_mpp_location,
        input_date.full_date as input_date
    from warehouse.fct_proceeding as p
    join warehouse.dim_hearing_location as hl on hl.hearing_location_key = p.hearing_location_key
    join warehouse.dim_date as input_date on input_date.date_key = p.input_date_key
    where p.is_mpp
        and p.deleted_in_release_key is null
),

-- A case MPP by location is counted under its MPP hearing location (fct_case); one without a case row,
-- or whose case row is soft-deleted, under its earliest proceeding at a port court, else (its signal a
-- scheduled or previous hearing location, or a scheduled hearing, whose port court only the case row
-- keeps) under its earliest proceeding's location; one MPP by identifier alone under the location of its
-- earliest proceeding.
case_location as (
    select distinct on (p.case_id)
        p.case_id,
        coalesce(mpp_location.hearing_loc_code, p.hearing_loc_code) as hearing_loc_code
    from mpp_proceedings as p
    left join warehouse.fct_case as c on c.case_id = p.case_id and c.deleted_in_release_key is null
    left join warehouse.dim_hearing_location as mpp_location
        on mpp_location.hearing_location_key = c.mpp_hearing_location_key and c.mpp_hearing_location_key <> -1
    order by p.case_id, p.is_mpp_location desc, p.input_date nulls last, p.proceeding_id
),

completed as (
    select
        coalesce(nullif(c.nationality_key, -1), p.nationality_key) as nationality_key,
        cl.hearing_loc_code,
        p.outcome_group,
        p.is_in_absentia,
        p.is_represented
    from mpp_proceedings as p
    join case_location as cl on cl.case_id = p.case_id
    left join warehouse.fct_case as c on c.case_id = p.case_id and c.deleted_in_release_key is null
    where p.is_completed
)

select
    n.eoir_code as nationality_code,
    n.name as nationality_name,
    completed.hearing_loc_code,
    completed.outcome_group,
    count(*) as proceedings,
    count(*) filter (where completed.is_in_absentia) as in_absentia,
    count(*) filter (where completed.is_represented) as represented
from completed
join warehouse.dim_nationality as n on n.nationality_key = completed.nationality_key
group by n.eoir_code, n.name, completed.hearing_loc_code, completed.outcome_group;

comment on view reporting.mpp_case_outcomes is 'Completed proceedings of MPP cases, by nationality x the case''s MPP hearing location x outcome. The MPP hearing location is that of the case''s earliest proceeding (by input date, then id) held at an MPP port court; for a case none of whose proceedings is held at one, that of its earliest proceeding scheduled or previously heard at one, or with a hearing scheduled at one (fct_case.mpp_hearing_location_key); for a case that is MPP by identifier alone, that of its earliest proceeding. The nationality is the case''s, or its proceeding''s when the case''s is unknown. A case whose case row is soft-deleted, or missing, takes the location of its earliest live proceeding at an MPP location, or, when none of its live proceedings is held at one, of its earliest live proceeding.';
comment on column reporting.mpp_case_outcomes.nationality_code is 'EOIR nationality code of the case (of the proceeding when the case row is missing or its nationality unknown).';
comment on column reporting.mpp_case_outcomes.nationality_name is 'Nationality name.';
comment on column reporting.mpp_case_outcomes.hearing_loc_code is 'The case''s MPP hearing location code.';
comment on column reporting.mpp_case_outcomes.outcome_group is 'Outcome group of the decision (dim_decision.outcome_group).';
comment on column reporting.mpp_case_outcomes.proceedings is 'Completed proceedings.';
comment on column reporting.mpp_case_outcomes.in_absentia is 'Of which ordered in absentia (ABSENTIA = Y).';
comment on column reporting.mpp_case_outcomes.represented is 'Of which represented (fct_proceeding.is_represented).';

-- Decisions on asylum applications filed in completed proceedings, by fiscal year of the decision x
-- court of the proceeding x nationality.
create view reporting.asylum_decisions as
with decided as (
    select
        decision_date.fiscal_year,
        co.base_city_code,
        n.eoir_code as nationality_code,
        d.decision_group
    from warehouse.fct_application as a
    join warehouse.dim_application_type as t on t.application_type_key = a.application_type_key
    join warehouse.dim_application_decision as d on d.application_decision_key = a.application_decision_key
    join warehouse.fct_proceeding as p on p.proceeding_id = a.proceeding_id
    join warehouse.dim_date as decision_date on decision_date.date_key = p.completion_date_key
    join warehouse.dim_court as co on co.court_key = p.court_key
    join warehouse.dim_nationality as n on n.nationality_key = a.nationality_key
    where t.is_asylum
        and p.is_completed
        and a.deleted_in_release_key is null
        and p.deleted_in_release_key is null
)

select
    fiscal_year,
    base_city_code,
    nationality_code,
    count(*) filter (where decision_group = 'granted') as granted,
    count(*) filter (where decision_group = 'denied') as denied,
    count(*) filter (where decision_group = 'abandoned') as abandoned,
    count(*) filter (where decision_group = 'withdrawn') as withdrawn,
    count(*) filter (where decision_group = 'other') as other,
    round(
        count(*) filter (where decision_group = 'granted')::numeric
        / nullif(count(*) filter (where decision_group in ('granted', 'denied')), 0),
        4
    ) as grant_rate
from decided
group by fiscal_year, base_city_code, nationality_code;

comment on view reporting.asylum_decisions is 'Asylum applications (ASYL, ASYW) on completed proceedings, by fiscal year of the decision (the proceeding''s completion date) x court of the proceeding x nationality, counted by decision group.';
comment on column reporting.asylum_decisions.fiscal_year is 'Fiscal year of the proceeding''s completion date.';
comment on column reporting.asylum_decisions.base_city_code is 'Court of the proceeding.';
comment on column reporting.asylum_decisions.nationality_code is 'EOIR nationality code of the case (of the proceeding when the case row is missing or its nationality unknown).';
comment on column reporting.asylum_decisions.granted is 'Applications granted (decision codes G, F, C, I, P, L).';
comment on column reporting.asylum_decisions.denied is 'Applications denied (D).';
comment on column reporting.asylum_decisions.abandoned is 'Applications abandoned (A).';
comment on column reporting.asylum_decisions.withdrawn is 'Applications withdrawn (W).';
comment on column reporting.asylum_decisions.other is 'Applications with any other decision, or none recorded.';
comment on column reporting.asylum_decisions.grant_rate is 'granted / (granted + denied), rounded to 4 places; null when both are 0.';

-- Removal proceedings completed, and of them in absentia, by fiscal year of completion x court x MPP.
create view reporting.in_absentia_rates as
select
    completion_date.fiscal_year,
    co.base_city_code,
    p.is_mpp,
    count(*) as completed,
    count(*) filter (where p.is_in_absentia) as in_absentia,
    round(count(*) filter (where p.is_in_absentia)::numeric / count(*), 4) as in_absentia_rate
from warehouse.fct_proceeding as p
join warehouse.dim_case_type as t on t.case_type_key = p.case_type_key
join warehouse.dim_court as co on co.court_key = p.court_key
join warehouse.dim_date as completion_date on completion_date.date_key = p.completion_date_key
where p.is_completed
    and t.case_type_code = 'RMV'
    and p.deleted_in_release_key is null
group by completion_date.fiscal_year, co.base_city_code, p.is_mpp;

comment on view reporting.in_absentia_rates is 'Completed removal (RMV) proceedings and those ordered in absentia, by fiscal year of completion x court x MPP flag.';
comment on column reporting.in_absentia_rates.fiscal_year is 'Fiscal year of the completion date.';
comment on column reporting.in_absentia_rates.base_city_code is 'Court of the proceeding.';
comment on column reporting.in_absentia_rates.is_mpp is 'The proceeding belongs to an MPP case.';
comment on column reporting.in_absentia_rates.completed is 'Completed removal proceedings.';
comment on column reporting.in_absentia_rates.in_absentia is 'Of which ordered in absentia.';
comment on column reporting.in_absentia_rates.in_absentia_rate is 'in_absentia / completed, rounded to 4 places.';

-- Proceedings and those represented, by fiscal year of the NTA x court x MPP.
create view reporting.representation_rates as
select
    nta_date.fiscal_year,
    co.base_city_code,
    p.is_mpp,
    count(*) as proceedings,
    count(*) filter (where p.is_represented) as represented,
    round(count(*) filter (where p.is_represented)::numeric / count(*), 4) as represented_rate
from warehouse.fct_proceeding as p
join warehouse.dim_court as co on co.court_key = p.court_key
join warehouse.dim_date as nta_date on nta_date.date_key = p.nta_date_key
where p.deleted_in_release_key is null
group by nta_date.fiscal_year, co.base_city_code, p.is_mpp;

comment on view reporting.representation_rates is 'Proceedings and those represented before the court, by fiscal year of the NTA x court x MPP flag.';
comment on column reporting.representation_rates.fiscal_year is 'Fiscal year of the NTA (OSC_DATE); null when unknown.';
comment on column reporting.representation_rates.base_city_code is 'Court of the proceeding.';
comment on column reporting.representation_rates.is_mpp is 'The proceeding belongs to an MPP case.';
comment on column reporting.representation_rates.proceedings is 'Proceedings.';
comment on column reporting.representation_rates.represented is 'Of which represented (fct_proceeding.is_represented).';
comment on column reporting.representation_rates.represented_rate is 'represented / proceedings, rounded to 4 places.';

-- Pending proceedings per court as of the EOIR release published last (the snapshot the warehouse holds).
create view reporting.pending_caseload as
with latest as (
    select as_of_date
    from warehouse.dim_release
    where source = 'eoir' and status = 'published'
    order by loaded_at desc, release_key desc
    limit 1
)

select
    co.base_city_code,
    latest.as_of_date,
    count(*) as pending_proceedings
from warehouse.fct_proceeding as p
join warehouse.dim_court as co on co.court_key = p.court_key
cross join latest
where not p.is_completed
    and p.deleted_in_release_key is null
group by co.base_city_code, latest.as_of_date;

comment on view reporting.pending_caseload is 'Proceedings not completed, per court, as of the EOIR release published last: the snapshot the warehouse holds.';
comment on column reporting.pending_caseload.base_city_code is 'Court of the proceeding.';
comment on column reporting.pending_caseload.as_of_date is 'As-of date of the EOIR release published last.';
comment on column reporting.pending_caseload.pending_proceedings is 'Proceedings without a completion date.';

-- One row per load run.
create view reporting.load_history as
select
    job_execution_id,
    started_at,
    ended_at,
    status,
    source,
    release_label,
    rows_read,
    rows_loaded,
    rows_rejected
from etl.load_run;

comment on view reporting.load_history is 'One row per load run (job execution) with its counts.';
comment on column reporting.load_history.job_execution_id is 'Spring Batch job execution id.';
comment on column reporting.load_history.started_at is 'When the run started.';
comment on column reporting.load_history.ended_at is 'When the run ended; null while running.';
comment on column reporting.load_history.status is 'Spring Batch status of the run.';
comment on column reporting.load_history.source is 'eoir, ohss or cbp.';
comment on column reporting.load_history.release_label is 'Release loaded.';
comment on column reporting.load_history.rows_read is 'Data rows read.';
comment on column reporting.load_history.rows_loaded is 'Rows the run loaded into the warehouse: its files'' rows staged and integrated when it published its release; 0 for a run that published nothing (failed, held back, stopped or abandoned before its publication).';
comment on column reporting.load_history.rows_rejected is 'Rows quarantined in etl.rejected_row.';

-- MPP book-outs by month and component, from the latest OHSS edition that publishes each month.
create view reporting.mpp_returns_by_month as
select
    b.fiscal_year,
    b.fiscal_month,
    d.full_date as month_start,
    case b.group_label when 'Total CBP' then 'CBP' else b.group_label end as component,
    b.value::bigint as mpp_book_outs,
    b.value_status,
    e.release_label as edition,
    e.as_of_date as edition_as_of_date,
    b.cell_reference
from warehouse.fct_border_statistic as b
join warehouse.dim_date as d on d.date_key = b.date_key
join warehouse.dim_release as e on e.release_key = b.edition_release_key
where b.is_latest_edition
    and b.table_name = 'CBP SWB Book-Outs by Agency'
    and b.measure_label = 'Migrant Protection Protocols'
    and b.group_label in ('Total CBP', 'USBP', 'OFO')
    and b.fiscal_month is not null;

comment on view reporting.mpp_returns_by_month is 'Southwest-border encounters booked out to the Migrant Protection Protocols (returned to Mexico to await their hearings), per month and component, as the newest DHS OHSS edition publishes them (table CBP SWB Book-Outs by Agency, column Migrant Protection Protocols).';
comment on column reporting.mpp_returns_by_month.fiscal_year is 'Fiscal year (October to September).';
comment on column reporting.mpp_returns_by_month.fiscal_month is 'Month of the fiscal year, 1 = October.';
comment on column reporting.mpp_returns_by_month.month_start is 'First day of the month.';
comment on column reporting.mpp_returns_by_month.component is 'CBP (the Total CBP block), USBP or OFO.';
comment on column reporting.mpp_returns_by_month.mpp_book_outs is 'Book-outs to MPP, rounded to tens by DHS; null unless value_status is reported.';
comment on column reporting.mpp_returns_by_month.value_status is 'reported, or not_applicable (X: MPP was not in force that month), not_available (NA), withheld (D), zero_dash (-).';
comment on column reporting.mpp_returns_by_month.edition is 'The OHSS edition (workbook) the value comes from.';
comment on column reporting.mpp_returns_by_month.edition_as_of_date is 'Last day of the month that edition runs to.';
comment on column reporting.mpp_returns_by_month.cell_reference is 'Where the value is in the edition''s sheet, e.g. O52.';

-- CBP encounters by month, region, title of authority, encounter type and citizenship.
create view reporting.encounters_by_month as
select
    e.fiscal_year,
    e.fiscal_month,
    d.full_date as month_start,
    e.land_border_region,
    e.title_of_authority,
    e.encounter_type,
    e.citizenship_label,
    sum(e.encounter_count) as encounters
from warehouse.fct_encounter as e
join warehouse.dim_date as d on d.date_key = e.date_key
group by e.fiscal_year, e.fiscal_month, d.full_date, e.land_border_region, e.title_of_authority,
    e.encounter_type, e.citizenship_label;

comment on view reporting.encounters_by_month is 'CBP encounters per month x land border region x title of authority x encounter type x citizenship, each fiscal year from the newest CBP file covering it.';
comment on column reporting.encounters_by_month.fiscal_year is 'Fiscal year (October to September).';
comment on column reporting.encounters_by_month.fiscal_month is 'Month of the fiscal year, 1 = October.';
comment on column reporting.encounters_by_month.month_start is 'First day of the month.';
comment on column reporting.encounters_by_month.land_border_region is 'Northern Land Border, Southwest Land Border or Other.';
comment on column reporting.encounters_by_month.title_of_authority is 'Title 8 or Title 42.';
comment on column reporting.encounters_by_month.encounter_type is 'Apprehensions, Inadmissibles or Expulsions; null for Title 8 rows of a by-state file, which does not tell them apart.';
comment on column reporting.encounters_by_month.citizenship_label is 'Citizenship as CBP prints it (MEXICO, OTHER).';
comment on column reporting.encounters_by_month.encounters is 'Encounters, unrounded.';

-- Citizenship labels of loaded border statistics left without a nationality: labels the crosswalk
-- does not know are not guessed, and count under nationality -1 until warehouse.citizenship_crosswalk
-- lists them and the next load of their source resolves them.
create view reporting.unmapped_citizenship_labels as
with labels as (
    select 'ohss' as source, citizenship_label as label, count(*) as fact_rows
    from warehouse.fct_border_statistic
    where citizenship_label is not null and nationality_key = -1
    group by citizenship_label
    union all
    select 'cbp', citizenship_label, count(*)
    from warehouse.fct_encounter
    where citizenship_label is not null and nationality_key = -1
    group by citizenship_label
)

select l.source, l.label, l.fact_rows
from labels as l
where not exists (
    select 1
    from warehouse.citizenship_crosswalk as x
    where x.source = l.source and lower(x.label) = lower(l.label) and x.label_kind <> 'country'
);

comment on view reporting.unmapped_citizenship_labels is 'Citizenship labels of OHSS and CBP facts that have no nationality (nationality_key -1) and are no total or catch-all: labels missing from warehouse.citizenship_crosswalk, or added to it since and not yet resolved by a load of their source; empty when every label is mapped.';
comment on column reporting.unmapped_citizenship_labels.source is 'ohss or cbp.';
comment on column reporting.unmapped_citizenship_labels.label is 'The label as printed.';
comment on column reporting.unmapped_citizenship_labels.fact_rows is 'Fact rows carrying the label.';
