-- MPP book-outs (people returned to Mexico to await their hearings) per month, CBP total and its
-- USBP and OFO parts side by side, from the newest OHSS edition. Grain: one row per month.
select
    fiscal_year,
    fiscal_month,
    month_start,
    max(mpp_book_outs) filter (where component = 'CBP') as cbp,
    max(mpp_book_outs) filter (where component = 'USBP') as usbp,
    max(mpp_book_outs) filter (where component = 'OFO') as ofo,
    max(value_status) filter (where component = 'CBP') as cbp_status
from reporting.mpp_returns_by_month
group by fiscal_year, fiscal_month, month_start
order by month_start;
