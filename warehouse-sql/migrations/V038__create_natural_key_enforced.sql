-- Whether the database itself refuses a second row and a null key for a fact's natural key: the key has a
-- unique index of its own (not partial, checked at once, valid) and its column is declared not null, as
-- a primary key on it gives. The natural_key_unique checks read no fact row while it holds.
create function warehouse.natural_key_enforced(fact regclass, key_column name) returns boolean
language sql stable
as $$
    select exists (
        select 1
        from pg_index as i
        join pg_attribute as a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = fact
            and i.indisunique and i.indimmediate and i.indisvalid and i.indpred is null and i.indnkeyatts = 1
            and a.attname = key_column and a.attnotnull
    )
$$;

comment on function warehouse.natural_key_enforced(regclass, name) is 'Whether a fact''s natural key has a unique, immediate, non-partial index of its own and a not-null column, so that the database refuses a second row or a null key.';
