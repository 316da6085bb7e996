-- Benchmark data for PostgreSQL, loaded into a database whose schema the app created (Flyway + Camunda)
-- and whose demo facilities, laboratories and clients exist (the app seeds them on its first start).
--
-- Every part brings its rows UP TO a number, so calling this file again with larger numbers adds only the
-- rest (10,000, then up to 100,000, then up to 1,000,000 loads 1,000,000 rows in all), and each row is a
-- function of its ordinal g alone: loading in steps gives the same rows as loading at once.
-- psql variables (all optional, 0 or absent: that part is left as it is):
--   pending       cases waiting for a PO (PENDING_PO, 'BP-<g>'): 100 reps (rep, rep001..rep099; "rep" is the
--                 demo user) with 1 % each, 1 in 20 in EUR, event dates spread over 2023-2025;
--   lab_invoices  laboratory invoices ('BENCH-<g>') across the demo laboratories and clients, in the
--                 statuses of an invoice's life, created over 2023-2025, one line each;
--   invoiced      invoiced cases of 4 lines ('BI-<g>', PENDING_PAYMENT, invoice dates in January 2026, rep
--                 "rep"): invoiced x 4 lines for the accounting export of 2026-01-01..2026-01-31;
--   all_statuses  the total number of cases to reach with invoiced and paid history ('BA-<g>': 70 % PAID,
--                 20 % PENDING_PAYMENT, 10 % CANCELLED, event dates 2019-2024, without lines: no list
--                 reads them, and the export's January 2026 is not touched).
-- The counters the app keeps with every change of a case (pending_po_summary, V10; case_figures, V16) get the
-- new cases added the way the app adds them ("case_count = case_count + n"), so the dashboard's figures stay
-- those of the cases. Nothing here walks a process: the lists and the export read the domain tables only.
-- The numbers (BP-, BI-, BA-, BENCH-) are outside the app's own series, so the app never issues one of them.
\set ON_ERROR_STOP on
\if :{?pending}
\else
  \set pending 0
\endif
\if :{?lab_invoices}
\else
  \set lab_invoices 0
\endif
\if :{?invoiced}
\else
  \set invoiced 0
\endif
\if :{?all_statuses}
\else
  \set all_statuses 0
\endif

-- What is there already (each part's rows have consecutive ordinals from 1), and where the new cases start.
select coalesce(max(id), 0) as before_id from surgical_case \gset
select (select count(*) from surgical_case where case_number like 'BP-%') as have_pending,
       (select count(*) from surgical_case where case_number like 'BI-%') as have_invoiced,
       (select count(*) from invoice where job_number like 'BENCH-%') as have_lab_invoices \gset

insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                           currency, total, invoice_paid, commission_paid, submitted_at, version)
select 'BP-' || g, 'PENDING_PO', (array['SFMC', 'NORTHGEN', 'BAYSURG'])[1 + g % 3], 'Dr. Bench ' || (g % 500),
       'Total knee arthroplasty', date '2023-01-01' + (g::bigint * 7919 % 1095)::int,
       case when g % 100 = 0 then 'rep' else 'rep' || lpad((g % 100)::text, 3, '0') end,
       'PT-' || g, case when g % 20 = 0 then 'EUR' else 'USD' end, 100 + (g % 9000) + 0.25, false, false, now(), 0
from generate_series(:have_pending + 1, :pending) g;

insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                           currency, total, po_all_manufacturers, invoice_number, invoice_date, due_date,
                           invoice_paid, commission_paid, submitted_at, version)
select 'BI-' || g, 'PENDING_PAYMENT', (array['SFMC', 'NORTHGEN', 'BAYSURG'])[1 + g % 3], 'Dr. Bench ' || (g % 500),
       'Lumbar spinal fusion', date '2025-12-01' + (g % 28), 'rep', 'PT-' || g, 'USD', 4 * 1250.50, 'PO-' || g,
       'BINV-' || lpad(g::text, 8, '0'), date '2026-01-01' + (g % 28), date '2026-01-31' + (g % 28), false, false, now(), 0
from generate_series(:have_invoiced + 1, :invoiced) g;

insert into surgical_case_line (case_id, position, manufacturer, part_number, lot_number, serial_number, description,
                                quantity, unit_price, amount)
select c.id, p, (array['Zimmer Biomet', 'Stryker', 'Medtronic', 'DePuy Synthes'])[1 + p], 'PN-' || p || '-' || c.id,
       'L' || c.id, 'S' || c.id || '-' || p, 'Implant component ' || p, 1, 1250.50, 1250.50
from surgical_case c cross join generate_series(0, 3) p
where c.id > :before_id and c.case_number like 'BI-%';

-- Up to all_statuses cases in all: the ordinal g continues after the cases there are (g = have_cases + 1 ...).
select count(*) as have_cases from surgical_case \gset
insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                           currency, total, po_all_manufacturers, invoice_number, invoice_date, due_date,
                           invoice_paid, invoice_paid_at, commission_paid, commission_paid_at, submitted_at, cancelled_at, version)
select 'BA-' || g, s.status, (array['SFMC', 'NORTHGEN', 'BAYSURG'])[1 + g % 3], 'Dr. Bench ' || (g % 500),
       'Hip arthroplasty', d.event, case when g % 100 = 0 then 'rep' else 'rep' || lpad((g % 100)::text, 3, '0') end,
       'PT-' || g, case when g % 20 = 0 then 'EUR' else 'USD' end, 100 + (g % 9000) + 0.75,
       case when s.status = 'CANCELLED' then null else 'PO-' || g end,
       case when s.status = 'CANCELLED' then null else 'BAI-' || g end,
       case when s.status = 'CANCELLED' then null else d.event + 10 end,
       case when s.status = 'CANCELLED' then null else d.event + 40 end,
       s.status = 'PAID', case when s.status = 'PAID' then d.event + 35 + time '12:00' end,
       s.status = 'PAID', case when s.status = 'PAID' then d.event + 60 + time '12:00' end,
       d.event + time '08:00', case when s.status = 'CANCELLED' then d.event + 3 + time '12:00' end, 0
from generate_series(:have_cases + 1, :all_statuses) g
cross join lateral (select case when g % 10 < 2 then 'PENDING_PAYMENT' when g % 10 < 9 then 'PAID' else 'CANCELLED' end as status) s
cross join lateral (select date '2019-01-01' + (g::bigint * 7919 % 2190)::int as event) d;

-- Laboratory invoices: production invoices in every status of their life (number and invoice date from
-- RELEASED on), each laboratory in its own currency, 19 % tax on one SAMPLE_TEST line.
insert into invoice (type, status, number, laboratory_code, client_code, job_number, currency, subtotal, tax_total, total,
                     invoice_date, due_date, payment_terms_days, created_at, version)
select 'PRODUCTION', s.status, case when s.numbered then 'BENCH-' || g end, l.codes[1 + g % l.n], c.codes[1 + (g / 7) % c.n],
       'BENCH-' || g, l.currencies[1 + g % l.n], 100 + (g % 5000), (100 + (g % 5000)) * 0.19, (100 + (g % 5000)) * 1.19,
       case when s.numbered then t.created::date end, case when s.numbered then t.created::date + 30 end, 30, t.created, 0
from (select array_agg(code order by code) as codes, array_agg(currency order by code) as currencies, count(*)::int as n
      from laboratory) l,
     (select array_agg(code order by code) as codes, count(*)::int as n from client) c,
     generate_series(:have_lab_invoices + 1, :lab_invoices) g
cross join lateral (select (array['INITIAL', 'INITIAL', 'DRAFT', 'EDITED', 'RELEASED', 'AUTHORISED', 'AUTHORISED', 'TRANSMITTED',
                                  'TRANSMITTED', 'BOOKED', 'BOOKED', 'BOOKED', 'SENT', 'SENT', 'PAID', 'PAID', 'PAID', 'PAID',
                                  'CANCELLED', 'MERGED'])[1 + g % 20] as status) s0
cross join lateral (select s0.status, s0.status not in ('INITIAL', 'DRAFT', 'EDITED', 'MERGED') as numbered) s
cross join lateral (select timestamptz '2023-01-01 00:00:00+00' + (g::bigint * 7919 % (1095 * 86400)) * interval '1 second'
                           + (g % 1000) * interval '1 microsecond' as created) t;

insert into invoice_line (invoice_id, position, kind, description, quantity, unit_price, percent, amount)
select i.id, 0, 'SAMPLE_TEST', 'Water analysis, job ' || i.job_number, 1, i.subtotal, null, i.subtotal
from invoice i
where i.job_number like 'BENCH-%' and not exists (select 1 from invoice_line x where x.invoice_id = i.id);

-- The counters, for the new cases only (id > before_id), as the case service would have added them.
insert into pending_po_summary as s (rep, currency, case_count, total_value)
select rep, currency, count(*), sum(total) from surgical_case where id > :before_id and status = 'PENDING_PO' group by rep, currency
on conflict (rep, currency) do update set case_count = s.case_count + excluded.case_count,
                                          total_value = s.total_value + excluded.total_value;

insert into case_figures as f (measure, rep, currency, figure_date, case_count, total_value)
select measure, rep, currency, day, count(*), sum(total)
from (select 'STATUS_' || status as measure, rep, currency, procedure_date as day, total
      from surgical_case where id > :before_id
      union all
      select 'INVOICE_UNPAID', rep, currency, invoice_date, total
      from surgical_case where id > :before_id and invoice_number is not null and not invoice_paid and status <> 'CANCELLED'
      union all
      select 'COMMISSION_DUE', rep, currency, invoice_date, total
      from surgical_case where id > :before_id and invoice_number is not null and not commission_paid and status <> 'CANCELLED') n
group by measure, rep, currency, day
on conflict (measure, rep, currency, figure_date) do update set case_count = f.case_count + excluded.case_count,
                                                                total_value = f.total_value + excluded.total_value;

vacuum analyze surgical_case;
vacuum analyze surgical_case_line;
vacuum analyze invoice;
vacuum analyze invoice_line;
vacuum analyze pending_po_summary;
vacuum analyze case_figures;
