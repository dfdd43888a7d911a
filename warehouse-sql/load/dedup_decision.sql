-- dedup_decision: records the charge lines that fct_charge folded into another. Rule exact_duplicate: a
-- charge line that repeats another's proceeding, case, charge and status under another IDNPRCDCHG folds
-- into the line fct_charge kept (the one it already held, else the lowest IDNPRCDCHG). The lines a later
-- line of the same key replaced are recorded before the facts (dedup_same_key.sql).
-- Grain: one row per dropped line.
insert into etl.dedup_decision (
    release_key, table_name, rule, kept_record_key, kept_source_file_id, kept_line_number,
    dropped_record_key, dropped_source_file_id, dropped_line_number
)
with release_files as not materialized (
    select source_file_id from etl.source_file where release_key = :release_key
),

-- The charges fct_charge took for this release: the fact's live rows but those its working table marked
-- absent (kept for a quarantined line); a full snapshot leaves every other live row absent, and
-- soft_delete_absent deleted those.
kept_charges as not materialized (
    select f.charge_id
    from warehouse.fct_charge as f
    where f.deleted_in_release_key is null
        and not exists (
            select from incoming_charge as i where i.charge_id is null and i.known_charge_id = f.charge_id
        )
),

-- Only when fct_charge took fewer charges than the release's distinct IDNPRCDCHGs (its staged lines less
-- the repeated ones dedup_same_key.sql recorded) did lines fold into others.
by_key as (
    select distinct on (c.idnprcdchg) c.*
    from staging.eoir_charge as c join release_files using (source_file_id)
    where (select count(*) from staging.eoir_charge as s join release_files using (source_file_id))
        - (select count(*) from etl.dedup_decision as d
            where d.release_key = :release_key and d.table_name = 'B_TblProceedCharges')
        > (select count(*) from kept_charges)
    order by c.idnprcdchg, c.source_file_id desc, c.line_number desc
),

ranked as (
    select
        b.idnprcdchg,
        b.source_file_id,
        b.line_number,
        first_value(b.idnprcdchg) over same_charge as kept_idnprcdchg,
        first_value(b.source_file_id) over same_charge as kept_source_file_id,
        first_value(b.line_number) over same_charge as kept_line_number
    from by_key as b
    -- The line fct_charge kept for this release.
    left join kept_charges as kept on kept.charge_id = b.idnprcdchg
    window same_charge as (
        partition by b.idnproceeding, b.idncase, b.charge, b.chg_status
        order by kept.charge_id is null, b.idnprcdchg
    )
)

select
    :release_key,
    'B_TblProceedCharges',
    'exact_duplicate',
    kept_idnprcdchg::text,
    kept_source_file_id,
    kept_line_number,
    idnprcdchg::text,
    source_file_id,
    line_number
from ranked
where idnprcdchg <> kept_idnprcdchg;
