-- The name of an inferred nationality, as dim_nationality.sql writes it: the EOIR table the code was seen in, or
-- the citizenship crosswalk with the country it names.
comment on column warehouse.dim_nationality.name is 'Name from the EOIR lookup; for an inferred member, Inferred from <source>: the EOIR table the code was seen in, or citizenship_crosswalk (<country>) for a code only the citizenship crosswalk names (a member inferred so by an earlier version may carry the country alone), until the lookup names it.';
