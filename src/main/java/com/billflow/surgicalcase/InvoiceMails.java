package com.billflow.surgicalcase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code invoice_mail} table: one row per case holding the invoice mail as it will be sent
 * (recipients, Reply-To, subject, body of any allowed length). Kept here rather than in process
 * variables, which Camunda limits to 4,000 characters.
 */
@Repository
class InvoiceMails {

    private final JdbcClient jdbc;
    private final Clock clock;

    InvoiceMails(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts or replaces the case's invoice mail (joins the caller's transaction). */
    void save(Long caseId, InvoiceEmail mail) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("""
                        update invoice_mail set to_addresses = ?, all_contacts = ?, reply_to = ?, subject = ?, body = ?, updated_at = ?
                        where case_id = ?""")
                .params(nullToEmpty(mail.to()), mail.allContacts(), mail.replyTo(), nullToEmpty(mail.subject()), nullToEmpty(mail.body()), now, caseId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into invoice_mail (case_id, to_addresses, all_contacts, reply_to, subject, body, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, nullToEmpty(mail.to()), mail.allContacts(), mail.replyTo(), nullToEmpty(mail.subject()), nullToEmpty(mail.body()), now)
                    .update();
        }
    }

    Optional<InvoiceEmail> find(Long caseId) {
        return jdbc.sql("select to_addresses, all_contacts, reply_to, subject, body from invoice_mail where case_id = ?")
                .param(caseId)
                .query((rs, row) -> new InvoiceEmail(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
