-- Southwest land border encounters per fiscal year by title of authority (Title 8, Title 42) and
-- citizenship, largest first. Grain: one row per fiscal year x title x citizenship.
select
    fiscal_year,
    title_of_authority,
    citizenship_label,
    sum(encounters) as encounters
from reporting.encounters_by_month
where land_border_region = 'Southwest Land Border'
group by fiscal_year, title_of_authority, citizenship_label
order by fiscal_year, title_of_authority, encounters desc;
