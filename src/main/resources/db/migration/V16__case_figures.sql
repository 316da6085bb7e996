-- The dashboard's charts read these counters instead of the cases (CaseFigures): per measure, rep,
-- currency and day, how many cases and their value. Kept by the case service in the transaction of
-- every change of a case, added at commit ("set case_count = case_count + n"); a row, once created,
-- stays (possibly at 0). Measures: STATUS_<status> by event date, INVOICE_UNPAID and COMMISSION_DUE
-- by invoice date. The primary key serves every chart, for everyone or for one rep.
create table case_figures (
    measure      varchar(32)    not null,
    rep          varchar(64)    not null,
    currency     char(3)        not null,
    figure_date  date           not null,
    case_count   bigint         not null,
    total_value  numeric(19, 4) not null,
    primary key (measure, rep, currency, figure_date)
);

insert into case_figures (measure, rep, currency, figure_date, case_count, total_value)
select 'STATUS_' || status, rep, currency, procedure_date, count(*), sum(total)
from surgical_case group by status, rep, currency, procedure_date;

insert into case_figures (measure, rep, currency, figure_date, case_count, total_value)
select 'INVOICE_UNPAID', rep, currency, invoice_date, count(*), sum(total)
from surgical_case where invoice_number is not null and invoice_paid = false and status <> 'CANCELLED'
group by rep, currency, invoice_date;

insert into case_figures (measure, rep, currency, figure_date, case_count, total_value)
select 'COMMISSION_DUE', rep, currency, invoice_date, count(*), sum(total)
from surgical_case where invoice_number is not null and commission_paid = false and status <> 'CANCELLED'
group by rep, currency, invoice_date;
