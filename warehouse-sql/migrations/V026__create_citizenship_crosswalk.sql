-- The citizenship crosswalk: every citizenship label CBP and DHS OHSS print, with the EOIR
-- nationality code it stands for. Totals and catch-alls ('Total', 'OTHER', 'All Other') are
-- listed too, with no code, so that a label missing from the list can be told apart and reported.
-- Grain: one row per source x label. Its rows are kept in R__citizenship_crosswalk.sql.

create table warehouse.citizenship_crosswalk (
    source text not null check (source in ('cbp', 'ohss')),
    label text not null,
    label_kind text not null check (label_kind in ('country', 'total', 'other')),
    eoir_code text,
    country_name text,
    iso_alpha2 text,
    primary key (source, label),
    check ((label_kind = 'country') = (eoir_code is not null))
);

create unique index citizenship_crosswalk_label_idx
    on warehouse.citizenship_crosswalk (source, lower(label));

comment on table warehouse.citizenship_crosswalk is 'Citizenship labels of CBP encounter files and DHS OHSS tables, mapped to EOIR nationality codes; grain: source x label as printed.';
comment on column warehouse.citizenship_crosswalk.source is 'Publisher that prints the label: cbp or ohss.';
comment on column warehouse.citizenship_crosswalk.label is 'The label as printed (CBP: MEXICO, CHINA, PEOPLES REPUBLIC OF; OHSS: Mexico, China, People''s Republic). Matched ignoring case.';
comment on column warehouse.citizenship_crosswalk.label_kind is 'country (one nationality), total (all citizenships) or other (the rest: OTHER, Others, All Other, stateless and unknown).';
comment on column warehouse.citizenship_crosswalk.eoir_code is 'EOIR nationality code (warehouse.dim_nationality.eoir_code) of a country label; null for a total or catch-all.';
comment on column warehouse.citizenship_crosswalk.country_name is 'Name of the country, used for the nationality when no EOIR release has named the code yet.';
comment on column warehouse.citizenship_crosswalk.iso_alpha2 is 'ISO 3166-1 alpha-2 code of the country, where one exists.';
