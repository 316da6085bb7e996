-- Benchmark data for PostgreSQL, loaded into a database whose schema the app created (Flyway + Camunda)
-- and whose demo facilities exist. psql variables: pending (cases waiting for a PO, default 1,000,000),
-- invoiced (invoiced cases of 4 lines each: invoiced x 4 invoice lines for the export, default 250,000).
-- Pending cases: 100 reps (rep, rep001..rep099; "rep" is the demo user) with pending/100 cases each,
-- 1 in 20 in EUR, event dates spread over 3 years. Nothing here walks a process: the dashboard and the
-- export read the domain tables only.
\set ON_ERROR_STOP on
\if :{?pending}
\else
  \set pending 1000000
\endif
\if :{?invoiced}
\else
  \set invoiced 250000
\endif

insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                           currency, total, invoice_paid, commission_paid, submitted_at, version)
select 'BP-' || g, 'PENDING_PO', (array['SFMC', 'NORTHGEN', 'BAYSURG'])[1 + g % 3], 'Dr. Bench ' || (g % 500),
       'Total knee arthroplasty', date '2023-01-01' + (g::bigint * 7919 % 1095)::int, case when g % 100 = 0 then 'rep' else 'rep' || lpad((g % 100)::text, 3, '0') end,
       'PT-' || g, case when g % 20 = 0 then 'EUR' else 'USD' end, 100 + (g % 9000) + 0.25, false, false, now(), 0
from generate_series(1, :pending) g;

insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                           currency, total, po_all_manufacturers, invoice_number, invoice_date, due_date,
                           invoice_paid, commission_paid, submitted_at, version)
select 'BI-' || g, 'PENDING_PAYMENT', (array['SFMC', 'NORTHGEN', 'BAYSURG'])[1 + g % 3], 'Dr. Bench ' || (g % 500),
       'Lumbar spinal fusion', date '2026-01-01' + (g % 28), 'rep', 'PT-' || g, 'USD', 4 * 1250.50, 'PO-' || g,
       'BINV-' || lpad(g::text, 8, '0'), date '2026-01-01' + (g % 28), date '2026-01-31' + (g % 28), false, false, now(), 0
from generate_series(1, :invoiced) g;

insert into surgical_case_line (case_id, position, manufacturer, part_number, lot_number, serial_number, description,
                                quantity, unit_price, amount)
select c.id, p, (array['Zimmer Biomet', 'Stryker', 'Medtronic', 'DePuy Synthes'])[1 + p], 'PN-' || p || '-' || c.id,
       'L' || c.id, 'S' || c.id || '-' || p, 'Implant component ' || p, 1, 1250.50, 1250.50
from surgical_case c cross join generate_series(0, 3) p
where c.case_number like 'BI-%';

-- The dashboard's summary, where the schema has one (kept by the app from then on).
do $$
begin
  if to_regclass('pending_po_summary') is not null then
    delete from pending_po_summary;
    insert into pending_po_summary (rep, currency, case_count, total_value)
    select rep, currency, count(*), sum(total) from surgical_case where status = 'PENDING_PO' group by rep, currency;
  end if;
end $$;

vacuum analyze surgical_case;
vacuum analyze surgical_case_line;
