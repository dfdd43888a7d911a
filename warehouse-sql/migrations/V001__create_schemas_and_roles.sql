-- Schemas of the warehouse and the two roles that own and read it.
-- Roles are cluster-wide, so they are created only when missing.
do $$
begin
    if not exists (select from pg_roles where rolname = 'courtstats_loader') then
        create role courtstats_loader nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'courtstats_analyst') then
        create role courtstats_analyst nologin;
    end if;
    -- The migrating user hands its objects to courtstats_loader, which takes membership in it.
    if not pg_has_role(current_user, 'courtstats_loader', 'member') then
        execute format('grant courtstats_loader to %I', current_user);
    end if;
end
$$;

comment on role courtstats_loader is 'Owns and writes every courtstats object: the nightly load connects as, or on behalf of, this role.';
comment on role courtstats_analyst is 'Reads warehouse, reporting, etl.rejected_row and etl.load_run; writes nothing.';

create schema if not exists etl;
create schema if not exists staging;
create schema if not exists warehouse;
create schema if not exists reporting;

comment on schema etl is 'Load manifest: delivered files, releases, rejected rows and run history.';
comment on schema staging is 'Transient rows of the release being loaded; cleared when the release is published.';
comment on schema warehouse is 'Conformed dimensions (dim_*) and facts (fct_*) of the court-statistics star schema.';
comment on schema reporting is 'Analyst views over the warehouse: the numbers people quote.';
