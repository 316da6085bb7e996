package com.billflow.document.email;

import com.billflow.BillflowProperties;
import com.billflow.support.FaultySmtpServer;
import com.billflow.support.FaultySmtpServer.AfterData;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One mail per idempotency key whatever the SMTP server does: each case sends, lets the job's retry
 * send again, and counts what the server received.
 */
class MailServiceFaultsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    BillflowProperties properties;
    @Autowired
    MailService greenMailService;

    @Test
    void aServerThatDropsTheConnectionAfterTheMessageGetsItOnce() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(AfterData.DROP_CONNECTION, Duration.ZERO)) {
            // given
            MailService mail = mailServiceFor(server.port());
            OutgoingMail invoice = mail(List.of("ap@hospital.test"));

            // when the first send loses the server's answer, and the job retries
            SentMail first = mail.sendOnce(invoice);
            server.behave(AfterData.ANSWER);
            SentMail retry = mail.sendOnce(invoice);

            // then the server has one copy, recorded as unconfirmed
            assertThat(server.received()).hasSize(1);
            assertThat(first.confirmed()).isFalse();
            assertThat(retry.sentNow()).isFalse();
            assertThat(statusOf(invoice)).isEqualTo("UNCONFIRMED");
        }
    }

    @Test
    void aServerThatAnswersAfterTheReadTimeoutGetsItOnce() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(AfterData.ANSWER_LATE, Duration.ofSeconds(3))) {
            // given a read timeout of one second
            MailService mail = mailServiceFor(server.port());
            OutgoingMail invoice = mail(List.of("ap@hospital.test"));

            // when
            mail.sendOnce(invoice);
            mail.sendOnce(invoice);

            // then
            assertThat(server.received()).hasSize(1);
            assertThat(statusOf(invoice)).isEqualTo("UNCONFIRMED");
        }
    }

    @Test
    void aServerThatCannotBeReachedGetsTheMailOnTheRetry() throws Exception {
        // given a port nobody listens on
        int closedPort;
        try (FaultySmtpServer probe = new FaultySmtpServer(AfterData.ANSWER, Duration.ZERO)) {
            closedPort = probe.port();
        }
        OutgoingMail invoice = mail(List.of("ap@hospital.test"));

        // when the first send fails before any byte of the message was written
        assertThatThrownBy(() -> mailServiceFor(closedPort).sendOnce(invoice)).isInstanceOf(MailSendException.class);

        // then the retry sends it
        assertThat(statusOf(invoice)).isEqualTo("FAILED");
        SentMail sent = greenMailService.sendOnce(invoice);
        assertThat(sent.confirmed()).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRecipientListOf3000CharactersIsSentAndRecordedOnce() throws Exception {
        // given 12 addresses with display names, 3,000 characters in all
        List<String> to = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String address = ("accounts-payable-" + i + "-").repeat(4).substring(0, 60) + "@" + "hospital-group-".repeat(10).substring(0, 150) + ".test";
            to.add("\"Payables Desk " + i + "\" <" + address + ">");
        }
        String joined = String.join(", ", to);
        assertThat(joined.length()).isGreaterThan(2_500);
        OutgoingMail invoice = mail(to);

        // when sent, and the job runs again
        greenMailService.sendOnce(invoice);
        greenMailService.sendOnce(invoice);

        // then each recipient has one copy and the record holds the whole list
        assertThat(smtp.getReceivedMessages()).hasSize(12);
        assertThat(jdbc.sql("select recipients from outbound_mail where idempotency_key = ?").param(invoice.idempotencyKey())
                .query(String.class).single()).hasSizeGreaterThan(2_500);
    }

    @Test
    void aCrashBetweenAcceptanceAndRecordSendsTheSameMessageId() throws Exception {
        // given a mail the server accepted, whose record was then lost (the node died before it was written)
        OutgoingMail invoice = mail(List.of("ap@hospital.test"));
        greenMailService.sendOnce(invoice);
        jdbc.sql("update outbound_mail set status = 'SENDING', started_at = ? where idempotency_key = ?")
                .params(Timestamp.from(Instant.now().minus(properties.mail().inFlightTimeout()).minusSeconds(1)), invoice.idempotencyKey())
                .update();

        // when the job is retried after the in-flight timeout
        greenMailService.sendOnce(invoice);

        // then the duplicate carries the same Message-ID, derived from the key
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                .isEqualTo(MessageIds.of(invoice.idempotencyKey(), invoice.from()));
    }

    @Test
    void aSendInFlightOnAnotherNodeIsNotRepeated() {
        // given another node started sending this mail a moment ago
        OutgoingMail invoice = mail(List.of("ap@hospital.test"));
        jdbc.sql("insert into outbound_mail (idempotency_key, recipients, subject, message_id, status, started_at) values (?, ?, ?, ?, 'SENDING', ?)")
                .params(invoice.idempotencyKey(), "ap@hospital.test", "Invoice", "<x@y>", Timestamp.from(Instant.now()))
                .update();

        // then this attempt fails (the job retries later) and sends nothing
        assertThatThrownBy(() -> greenMailService.sendOnce(invoice)).isInstanceOf(MailSendException.class)
                .hasMessageContaining("being sent by another attempt");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private MailService mailServiceFor(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties smtpSettings = new Properties();
        smtpSettings.put("mail.smtp.connectiontimeout", "2000");
        smtpSettings.put("mail.smtp.timeout", "1000");
        smtpSettings.put("mail.smtp.writetimeout", "1000");
        sender.setJavaMailProperties(smtpSettings);
        return new MailService(sender, jdbc, transactionManager, properties, clock);
    }

    private static OutgoingMail mail(List<String> to) {
        return new OutgoingMail(Fixtures.unique("test-mail:"), "billing@billflow.example", to, null, "Invoice INV-1", "Please pay.",
                List.of(new OutgoingMail.Attachment("INV-1.pdf", "application/pdf", new byte[]{'%', 'P', 'D', 'F'})));
    }

    private String statusOf(OutgoingMail mail) {
        return jdbc.sql("select status from outbound_mail where idempotency_key = ?").param(mail.idempotencyKey()).query(String.class).single();
    }
}
