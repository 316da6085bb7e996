-- The invoice mail of a surgical case as it will be sent: defaulted when the invoice is issued,
-- replaced by what the user chose in Send Invoice (Tasklist, Console or REST). It lives here, not
-- in process variables, because a recipient list or a body can be longer than the 4,000
-- characters Camunda keeps in a String variable. Unbounded "character varying" is text on both
-- PostgreSQL and H2; the application enforces the limits (To: 20 addresses, body: 10,000).
create table invoice_mail (
    case_id        bigint            primary key references surgical_case (id),
    to_addresses   character varying not null,
    all_contacts   boolean           not null,
    reply_to       character varying,
    subject        character varying not null,
    body           character varying not null,
    updated_at     timestamp with time zone not null
);

-- A sent mail's recipients are any valid address list (up to 20 addresses with display names).
alter table outbound_mail alter column recipients set data type character varying;

-- A send is claimed before it starts (SENDING), then recorded as ACCEPTED, UNCONFIRMED (the server
-- received all of it but its answer never came) or FAILED (safe to send again); see MailService.
alter table outbound_mail add column status varchar(20) default 'ACCEPTED' not null;
alter table outbound_mail add column started_at timestamp with time zone;
alter table outbound_mail alter column sent_at drop not null;
