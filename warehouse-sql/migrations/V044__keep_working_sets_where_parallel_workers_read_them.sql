-- Two intermediates of the integrate step that the facts' working tables join, as tables parallel
-- workers can read: a temporary table, or a common table expression read twice, is read by the
-- leader alone, so that every join above it ran on one backend.
--
-- Both are filled in the publication's transaction before the facts that join them and cleared at
-- publication, like int_case_mpp. They are unlogged: they hold nothing a restart needs (a crash
-- rolls back the transaction that filled them, and the publication fills them again), so their rows
-- are not written to the WAL.

create unlogged table staging.int_judge_version (
    release_key bigint not null,
    judge_key bigint not null,
    judge_code text not null,
    is_current boolean not null,
    valid_to date,
    effective_from date not null
);

comment on table staging.int_judge_version is 'The span of dates each version of warehouse.dim_judge holds, for the facts that point at a judge by the date of their event; computed by load/dim_judge.sql, cleared at publication.';

create unlogged table staging.int_first_representation (
    release_key bigint not null,
    parent_table text not null,
    parent_idn bigint not null,
    first_e_28_date date not null
);

comment on table staging.int_first_representation is 'The earliest E-28 date of a release''s court representations of an alien (STRATTYLEVEL COURT, STRATTYTYPE ALIEN), per proceeding or case they point at: a proceeding is represented when its own or its case''s is not after its completion date. Computed by load/int_first_representation.sql, cleared at publication.';
