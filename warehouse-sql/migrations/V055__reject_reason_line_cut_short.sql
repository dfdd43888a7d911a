-- The last line of an EOIR file that ends without a line break, short of fields, is rejected (line_cut_short)
-- rather than padded: it is where a file cut short ends, and padded its missing values would overwrite the
-- row's values in the warehouse with unknowns.
comment on column etl.rejected_row.reason_code is 'Machine-readable reason: field_count (too few or too many fields, not repairable), tab_shift_ambiguous (several ways of undoing a tab shift fit), tab_shift_unrepairable (no way fits), key_missing, key_not_integer, date_invalid (a date column holding neither a date nor a null token), line_cut_short (the file ends inside the line, short of fields: a file cut short); for the OHSS and CBP files, the reason their readers give.';
