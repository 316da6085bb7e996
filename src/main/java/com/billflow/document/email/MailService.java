package com.billflow.document.email;

import com.billflow.BillflowProperties;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends mail at most once per idempotency key, from retried async jobs, across crashes and nodes.
 * Each send is recorded in {@code outbound_mail} in transactions of its own, so a rollback of the
 * job does not erase it:
 * <ol>
 *   <li>before sending, the key is claimed ({@code SENDING}); a claim younger than
 *   {@code billflow.mail.in-flight-timeout} makes another node's attempt fail and retry later;</li>
 *   <li>the server's acceptance is recorded as {@code ACCEPTED};</li>
 *   <li>a send that failed after the whole message was written (the connection dropped or the answer
 *   timed out, see {@link TrackingSmtpTransport}) is recorded as {@code UNCONFIRMED} and not repeated:
 *   the server has most likely accepted it;</li>
 *   <li>a send that failed earlier is recorded as {@code FAILED} and the {@link MailSendException}
 *   goes to the job, whose retry sends again.</li>
 * </ol>
 * Every mail carries a Message-ID derived from its key ({@link MessageIds}), so the one duplicate no
 * SMTP client can rule out (a crash between the server's acceptance and step 2) is the same message
 * for the receiving systems.
 */
@Service
public class MailService {

    /** Angus Mail's StreamProvider (the implementation Spring Boot's mail starter brings). */
    static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider for every multipart and encoded part it builds; without this
        // property each lookup walks ServiceLoader over every jar nested in the fat jar (about 1 ms a mail, a third of
        // the mail step). Named, it is one Class.forName. A value set on the command line is kept.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MAIL_STREAM_PROVIDER);
    }

    private final JavaMailSenderImpl sender;
    private final Session session;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Duration inFlightTimeout;
    private final Clock clock;

    MailService(JavaMailSender sender, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                BillflowProperties properties, Clock clock) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            throw new IllegalStateException("MailService needs Spring Boot's JavaMailSenderImpl (spring.mail.*), not " + sender.getClass());
        }
        this.sender = impl;
        this.session = trackingSession(impl);
        this.jdbc = jdbc;
        this.inFlightTimeout = properties.mail().inFlightTimeout();
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends {@code mail} unless a mail with its key was accepted (or sent unconfirmed) before; answers
     * the record of the send. Throws {@link MailSendException} when the SMTP server refused or could
     * not be reached before the message was written, or while another attempt of the same key is in flight.
     */
    public SentMail sendOnce(OutgoingMail mail) {
        String key = mail.idempotencyKey();
        String messageId = MessageIds.of(key, mail.from());
        Optional<SentMail> earlier = claim(mail, messageId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MimeMessage message = toMimeMessage(mail, messageId);
        Transport transport = null;
        try {
            transport = session.getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            if (transport instanceof TrackingSmtpTransport tracking && tracking.messageWritten()) {
                LOG.warn("The SMTP server did not confirm mail {} ({}) after receiving all of it: {}. Recorded as UNCONFIRMED and not sent again.",
                        key, messageId, e.getMessage());
                return record(key, "UNCONFIRMED", messageId);
            }
            record(key, "FAILED", messageId);
            throw new MailSendException("Sending mail " + key + " failed before the server received it: " + e.getMessage(), e);
        } finally {
            closeQuietly(transport);
        }
        return record(key, "ACCEPTED", messageId);
    }

    /** A failure to say QUIT after the server accepted the mail changes nothing about the send. */
    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("Closing the SMTP connection failed: {}", e.getMessage());
            }
        }
    }

    /** The send recorded for {@code idempotencyKey}, if the server accepted it (or probably did). */
    public Optional<SentMail> findSent(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc
                .sql("select message_id, sent_at, status from outbound_mail where idempotency_key = ? and status in ('ACCEPTED', 'UNCONFIRMED')")
                .param(idempotencyKey)
                .query((rs, row) -> new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant(), false, "ACCEPTED".equals(rs.getString(3))))
                .optional());
    }

    /** Answers an earlier send, or claims the key for this attempt (SENDING); throws while another attempt is in flight. */
    private Optional<SentMail> claim(OutgoingMail mail, String messageId) {
        Optional<SentMail> earlier = findSent(mail.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        Timestamp stale = Timestamp.from(Instant.now(clock).minus(inFlightTimeout));
        String recipients = String.join(", ", mail.to());
        int claimed = ownTransaction.execute(status -> jdbc.sql("""
                        update outbound_mail set status = 'SENDING', started_at = ?, recipients = ?, subject = ?, message_id = ?
                        where idempotency_key = ? and (status = 'FAILED' or (status = 'SENDING' and started_at < ?))""")
                .params(now, recipients, mail.subject(), messageId, mail.idempotencyKey(), stale)
                .update());
        if (claimed == 0) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                                insert into outbound_mail (idempotency_key, recipients, subject, message_id, status, started_at)
                                values (?, ?, ?, ?, 'SENDING', ?)""")
                        .params(mail.idempotencyKey(), recipients, mail.subject(), messageId, now)
                        .update());
            } catch (DuplicateKeyException inFlight) {
                throw new MailSendException("Mail " + mail.idempotencyKey() + " is being sent by another attempt (started less than "
                        + inFlightTimeout + " ago, see billflow.mail.in-flight-timeout): not sending a second copy; the job is retried");
            }
        }
        return Optional.empty();
    }

    private SentMail record(String key, String status, String messageId) {
        Instant at = Instant.now(clock);
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("update outbound_mail set status = ?, sent_at = ? where idempotency_key = ?")
                .params(status, "FAILED".equals(status) ? null : Timestamp.from(at), key)
                .update());
        return new SentMail(messageId, at, true, "ACCEPTED".equals(status));
    }

    private MimeMessage toMimeMessage(OutgoingMail mail, String messageId) {
        try {
            MimeMessage message = new IdentifiedMimeMessage(session, messageId);
            MimeMessageHelper helper = new SharedFileTypesHelper(message, !mail.attachments().isEmpty());
            helper.setFrom(mail.from());
            helper.setTo(mail.to().toArray(String[]::new));
            if (mail.replyTo() != null && !mail.replyTo().isBlank()) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.mediaType());
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot build mail '" + mail.subject() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Spring Boot's mail session settings, with Jakarta Mail's SMTP providers swapped for {@link TrackingSmtpTransport}
     * and sockets without Nagle's delay ({@link NoDelaySocketFactory}).
     */
    static Session trackingSession(JavaMailSenderImpl sender) {
        Properties properties = new Properties();
        properties.putAll(sender.getJavaMailProperties());
        for (String protocol : List.of("smtp", "smtps")) {
            // A socket factory configured in spring.mail.properties (instance or class name) is kept.
            String key = "mail." + protocol + ".socketFactory";
            if (!properties.containsKey(key) && !properties.containsKey(key + ".class")) {
                properties.put(key, NoDelaySocketFactory.INSTANCE);
            }
        }
        Session session = Session.getInstance(properties);
        try {
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", TrackingSmtpTransport.class.getName(), "Billflow", null));
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtps", TrackingSmtpTransport.Ssl.class.getName(), "Billflow", null));
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("Cannot register the SMTP transport", e);
        }
        return session;
    }

    /**
     * Spring's helper with one file type map for every mail. Spring's own constructor builds a new
     * {@link ConfigurableMimeFileTypeMap} for any message not made by {@code JavaMailSenderImpl}, and building one reads
     * every {@code mime.types} on the class path through {@code ServiceLoader}: in a fat jar that was the largest part of
     * the mail step's CPU. Billflow names every attachment's media type, so the map only answers for names without one.
     */
    private static final class SharedFileTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = defaultFileTypes();

        SharedFileTypesHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }

        private static FileTypeMap defaultFileTypes() {
            ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
            fileTypes.afterPropertiesSet();
            return fileTypes;
        }
    }

    /** A MIME message whose Message-ID is the one given, not a random one made on save. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
