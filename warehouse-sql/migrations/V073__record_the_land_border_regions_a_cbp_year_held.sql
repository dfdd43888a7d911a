-- A CBP file replaces every fiscal year it covers, whichever land border regions it holds: a Southwest
-- Land Border file (the subset CBP also publishes) would take the Northern and Other encounters away
-- from every nationwide year it covers. The regions each year held before are recorded with the year,
-- for the check that holds back such a file (checks/fct_encounter__no_region_dropped.sql).
alter table staging.int_cbp_year_taken add column regions_before text[] not null default '{}';

comment on column staging.int_cbp_year_taken.regions_before is 'The land border regions the year''s rows held before the file replaced them (warehouse.fct_encounter.land_border_region), sorted.';
