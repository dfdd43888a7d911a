-- load/fct_encounter.sql replaces each fiscal year a CBP file covers with the file's rows. What each
-- year held before is recorded here, so that a check at publication can hold back a file that would
-- leave a published year with a fraction of its encounters (a stray row of an old year, a corrected
-- rejected row dated in a year the file does not cover). Filled in the publication's transaction and
-- cleared at publication, like the other intermediates: unlogged, since a crash rolls back the
-- transaction that filled it.
create unlogged table staging.cbp_year_taken (
    release_key bigint not null,
    fiscal_year int not null,
    rows_before bigint not null,
    encounters_before bigint not null,
    primary key (release_key, fiscal_year)
);

comment on table staging.cbp_year_taken is 'The fiscal years a CBP file takes over (replacing what the warehouse held for them), with what each held before: computed by load/fct_encounter.sql, read by the check fct_encounter__no_year_emptied, cleared at publication.';
comment on column staging.cbp_year_taken.release_key is 'The CBP file''s release.';
comment on column staging.cbp_year_taken.fiscal_year is 'A fiscal year the file covers and no file covering a later month holds.';
comment on column staging.cbp_year_taken.rows_before is 'Rows of warehouse.fct_encounter the year held before the file replaced them.';
comment on column staging.cbp_year_taken.encounters_before is 'Their encounters (the sum of encounter_count).';
