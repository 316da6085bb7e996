-- Each laboratory's tax rates as the accounting packages and e-invoices name them: the Xero tax
-- type and QuickBooks Online tax code a taxed row is exported with, and the EN 16931 VAT category.
create table laboratory_tax_mapping (
    laboratory_code       varchar(32)   not null references laboratory (code),
    position              integer       not null,
    rate                  numeric(7, 4) not null,
    xero_tax_type         varchar(100),
    quick_books_tax_code  varchar(100),
    vat_category          varchar(2)    not null,
    primary key (laboratory_code, position)
);
