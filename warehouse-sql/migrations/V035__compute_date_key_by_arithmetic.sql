-- The key of a date from its parts rather than through to_char: the same yyyymmdd value for every
-- date from 0001-01-01 to 9999-12-31, about six times cheaper, which counts on statements that key
-- tens of millions of dates.
create or replace function warehouse.date_key(d date) returns int
language sql immutable
as $$ select coalesce((date_part('year', d) * 10000 + date_part('month', d) * 100 + date_part('day', d))::int, -1) $$;

comment on function warehouse.date_key(date) is 'Key of a date in dim_date (yyyymmdd), -1 for null.';
