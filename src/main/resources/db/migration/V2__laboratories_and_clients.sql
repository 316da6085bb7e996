-- Reference data for production invoices: the laboratories that issue them (each with its own
-- currency, number series, mail text and automation flags) and the clients they are billed to.
create table laboratory (
    code                        varchar(32)   primary key,
    name                        varchar(200)  not null,
    currency                    char(3)       not null,
    invoice_number_pattern      varchar(40)   not null,
    credit_note_number_pattern  varchar(40)   not null,
    proposal_number_pattern     varchar(40)   not null,
    email_from                  varchar(254),
    email_subject_template      varchar(300)  not null,
    email_body_template         varchar(4000) not null,
    auto_authorise              boolean       not null,
    auto_transmit               boolean       not null,
    auto_book                   boolean       not null,
    auto_book_credit_notes      boolean       not null,
    payment_terms_days          integer       not null,
    version                     bigint        not null
);

create table client (
    code                   varchar(32)  primary key,
    name                   varchar(200) not null,
    line1                  varchar(200),
    line2                  varchar(200),
    city                   varchar(100),
    region                 varchar(100),
    postal_code            varchar(20),
    country                varchar(100),
    invoice_contact_email  varchar(254),
    transmit_by            varchar(10)  not null,
    version                bigint       not null
);
