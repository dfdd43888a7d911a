-- An EOIR line of its header's field count whose column EOIR types as an integer, a date, a 0/1 flag or a GUID
-- holds a value of another shape is rejected (type_mismatch): the value was moved there from another column (a
-- tab inside one value and one missing from another leave the field count as it was), so that the line's other
-- values, codes among them, cannot be trusted. Before, only the keys and the dates the load reads were checked,
-- and such a line loaded with its codes in the wrong columns (a case type '0', a custody 'SP').
comment on column etl.rejected_row.reason_code is 'Machine-readable reason: field_count (too few or too many fields, not repairable), tab_shift_ambiguous (several ways of undoing a tab shift fit), tab_shift_unrepairable (no way fits), key_missing, key_not_integer, date_invalid (a date column holding neither a date nor a null token), type_mismatch (a line of the header''s field count whose column EOIR types as an integer, a date, a 0/1 flag or a GUID holds another value: a value moved from another column), line_cut_short (the file ends inside the line, short of fields: a file cut short); for the OHSS and CBP files, the reason their readers give.';

comment on column staging.eoir_reps_assigned.parent_idn is 'PARENT_IDN: the key of the case or proceeding it points at in that table. An integer; null when blank, N/A or b6; any other value rejects the line (type_mismatch).';
