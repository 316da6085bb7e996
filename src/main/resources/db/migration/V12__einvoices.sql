-- E-invoices (EN 16931): a client's Peppol participant id, preferred format and delivery; a laboratory's contact
-- telephone (an e-invoice names it); the reason a tax mapping charges no VAT (BT-120).
alter table client add column peppol_scheme varchar(4);
alter table client add column peppol_id varchar(130);
alter table client add column einvoice_format varchar(10);
alter table client add column einvoice_delivery varchar(20);
alter table laboratory add column phone varchar(40);
alter table laboratory_tax_mapping add column exemption_reason varchar(300);
