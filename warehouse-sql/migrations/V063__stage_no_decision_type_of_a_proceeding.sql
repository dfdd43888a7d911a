-- A proceeding's DEC_TYPE (oral or written decision) was staged on every row and read by no load
-- statement: the decision dimension takes its kinds from the decision lookup. Staging no longer cleans,
-- encodes and copies it. Staging tables hold one release at a time, cleared after it is published, so no
-- warehouse value is lost.
alter table staging.eoir_proceeding
    drop column dec_type;
