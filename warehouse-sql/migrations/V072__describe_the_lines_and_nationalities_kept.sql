-- Descriptions that said less than the load does: which of two exact duplicate charges stays, where an
-- application's nationality comes from, and which of two CBP files covering the same month holds a fiscal
-- year (load/fct_encounter.sql now breaks their tie by file name, as OHSS editions are).

comment on table warehouse.fct_charge is 'One row per distinct charge of a proceeding, from B_TblProceedCharges; exact duplicate lines (same proceeding, case, charge and status) are collapsed into one, recorded in etl.dedup_decision: the line whose IDNPRCDCHG the warehouse already holds, so that a duplicate arriving in a later release does not replace a live charge, else the one with the lowest IDNPRCDCHG.';
comment on column warehouse.fct_charge.charge_id is 'IDNPRCDCHG of the line kept (of exact duplicates, the one the warehouse already held, else the lowest).';

comment on column warehouse.fct_application.nationality_key is 'Nationality of the case; of the proceeding when the case row is missing or its nationality unknown.';

comment on column staging.int_cbp_year_taken.fiscal_year is 'A fiscal year the file covers and no other file holds that covers a later month, or the same month with components (the area-of-responsibility layout) where this file has none, or the same month and layout under a file name that sorts after this one''s.';
