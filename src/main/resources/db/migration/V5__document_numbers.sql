-- One number, one document: every number the allocator hands out (surgical case numbers and case
-- invoices, laboratory invoices, credit notes and proposals) is registered here in the transaction
-- that uses it. The primary key refuses a second document with the same number, from any series
-- and on any node; a rollback frees the number with the rest of the transaction.
create table document_number (
    number      varchar(40)  primary key,
    series_key  varchar(120) not null
);

-- The numbers issued before this table existed. A number issued twice then (two series with one
-- pattern) is registered once: the documents keep their numbers, and no third one can take it.
insert into document_number (number, series_key)
select number, min(series_key) from (
    select case_number as number, 'surgical-case' as series_key from surgical_case
    union all
    select invoice_number as number, 'surgical-invoice' as series_key from surgical_case where invoice_number is not null
    union all
    select number, 'lab:' || laboratory_code || ':' || case type when 'CREDIT_NOTE' then 'credit-note'
                                                              when 'PROPOSAL' then 'proposal' else 'invoice' end as series_key
    from invoice where number is not null
) issued
group by number;
