-- The Console's invoice list filtered by client, status or type, newest first by key (created_at, id) (issue 11).
-- Without these the list walks ix_invoice_created from the newest invoice and drops every row of another client,
-- status or type: a page of a rare one (a client billed long ago, the drafts, the proposals) reads the whole table.
-- Found by perf/ListQueryPlansTest on 12,000 invoices (EXPLAIN ANALYZE).
create index ix_invoice_client_created on invoice (client_code, created_at, id);
create index ix_invoice_status_created on invoice (status, created_at, id);
create index ix_invoice_type_created on invoice (type, created_at, id);
