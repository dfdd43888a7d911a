-- A judge's court is now where the judge holds most pending proceedings (a judge who moved keeps the
-- completed ones where they were heard).
comment on column warehouse.dim_judge.base_city_code is
    'Court where the judge holds most of the proceedings pending in the release that set this version; for a '
    'judge with none pending, the court of the judge''s latest completion.';
