-- The facts' working tables key millions of dates with warehouse.date_key. A function not marked
-- parallel safe keeps a whole query on one backend; this one only computes from its argument, so
-- parallel workers may call it.
alter function warehouse.date_key(date) parallel safe;
