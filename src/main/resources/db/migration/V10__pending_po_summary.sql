-- The "Pending PO#'s" panel's count and value per rep and currency, kept by SurgicalCaseService in the
-- same transaction as each case's move into or out of PENDING_PO (PendingPurchaseOrderSummary), so the
-- panel never counts the cases themselves. Rows are changed only by "set case_count = case_count + n",
-- atomic on every node; a row, once created, stays (possibly at 0).
create table pending_po_summary (
    rep          varchar(64)    not null,
    currency     char(3)        not null,
    case_count   bigint         not null,
    total_value  numeric(19, 4) not null,
    primary key (rep, currency)
);

insert into pending_po_summary (rep, currency, case_count, total_value)
select rep, currency, count(*), sum(total) from surgical_case where status = 'PENDING_PO' group by rep, currency;

-- A rep's cases by status, oldest event first: the panel as a rep, read by key (procedure_date, id).
create index ix_surgical_case_rep_status_date on surgical_case (rep, status, procedure_date, id);

-- The accounting export reads invoiced cases by (invoice_date, invoice_number) through a cursor: with
-- this index the rows come in that order as they are read, without sorting the whole range first.
drop index ix_surgical_case_invoice_date;
create index ix_surgical_case_invoice_date_number on surgical_case (invoice_date, invoice_number);
