-- The data dictionary's text for the staging tables of the OHSS and CBP sources.

comment on table staging.ohss_cell is 'Cells of the OHSS edition being loaded, in long form; one row per published cell, line_number being the cell''s row in its sheet.';
comment on table staging.cbp_encounter is 'Rows of the CBP encounters file being loaded; one row per data line.';
