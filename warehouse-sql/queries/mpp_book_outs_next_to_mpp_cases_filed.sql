-- MPP book-outs per month (DHS OHSS, CBP total) next to the MPP court cases filed that month (EOIR:
-- cases whose first proceeding was received by the court then). Book-outs count people returned to
-- Mexico; a case is filed once its notice to appear reaches the court, often weeks later.
-- Grain: one row per month with either number.
with book_outs as (
    select month_start, mpp_book_outs, value_status
    from reporting.mpp_returns_by_month
    where component = 'CBP'
),

first_proceedings as (
    select distinct on (p.case_id) p.case_id, d.full_date as input_date
    from warehouse.fct_proceeding as p
    join warehouse.fct_case as c on c.case_id = p.case_id
    join warehouse.dim_date as d on d.date_key = p.input_date_key
    where c.is_mpp
        and c.deleted_in_release_key is null
        and p.deleted_in_release_key is null
        and d.full_date is not null
    order by p.case_id, d.full_date, p.proceeding_id
),

cases_filed as (
    select date_trunc('month', input_date)::date as month_start, count(*) as mpp_cases_filed
    from first_proceedings
    group by 1
)

select
    coalesce(b.month_start, f.month_start) as month_start,
    b.mpp_book_outs,
    b.value_status as book_outs_status,
    coalesce(f.mpp_cases_filed, 0) as mpp_cases_filed
from book_outs as b
full join cases_filed as f on f.month_start = b.month_start
where b.value_status = 'reported' or f.mpp_cases_filed > 0
order by month_start;
