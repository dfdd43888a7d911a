-- The intermediates of the publication are named int_*: the CBP years a file takes (V066) too.
alter table staging.cbp_year_taken rename to int_cbp_year_taken;
alter table staging.int_cbp_year_taken rename constraint cbp_year_taken_pkey to int_cbp_year_taken_pkey;
