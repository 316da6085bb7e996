package com.billflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/** Everything under {@code billflow.*} in application.yaml, in one typed place. */
@ConfigurationProperties("billflow")
public record BillflowProperties(
        @DefaultValue("USD") String defaultCurrency,
        @DefaultValue Party seller,
        @DefaultValue Party remitTo,
        @DefaultValue Mail mail,
        @DefaultValue SurgicalCase surgicalCase,
        @DefaultValue Demo demo) {

    /** A seller or remit-to block as printed on invoices. */
    public record Party(@DefaultValue("Billflow") String name, @DefaultValue List<String> addressLines,
                        @DefaultValue List<String> contactLines) {
    }

    /**
     * Outgoing mail.
     *
     * @param inFlightTimeout how long a send started by one node (or one job run) keeps another from
     *                        sending the same mail: longer than any send can take with the SMTP timeouts
     *                        ({@code spring.mail.properties.mail.smtp.*timeout}) and than the job lock time
     *                        (45 s); after it, a send that never finished (a crashed node) is made again, with
     *                        the same Message-ID. 90 s by default, so a cut send goes out on the next retry.
     */
    public record Mail(@DefaultValue("billing@billflow.example") String from,
                       @DefaultValue("billing@billflow.example") String replyTo,
                       @DefaultValue("PT90S") java.time.Duration inFlightTimeout,
                       @DefaultValue Embedded embedded) {

        /** The SMTP server started inside the application for the no-set-up run. */
        public record Embedded(@DefaultValue("false") boolean enabled, @DefaultValue("2525") int port,
                               @DefaultValue("./data/mailbox") String directory) {
        }
    }

    public record SurgicalCase(@DefaultValue("SC-{YYYY}-{SEQ:5}") String caseNumberPattern,
                               @DefaultValue("INV-{YYYY}-{SEQ:6}") String invoiceNumberPattern,
                               @DefaultValue("false") boolean autoSendInvoice) {
    }

    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue Map<String, String> passwords) {

        public String passwordOf(String user) {
            return passwords.getOrDefault(user, user);
        }
    }
}
