package com.billflow.document.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends mail at most once per idempotency key. Mail is sent from retried async jobs: when the
 * server accepted a mail but the job failed afterwards, the retry finds the mail recorded here
 * and does not send a second copy. The record is committed on its own, right after the server
 * accepted the mail, so a later rollback of the job does not erase it.
 */
@Service
public class MailService {

    private final JavaMailSender sender;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    MailService(JavaMailSender sender, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends {@code mail} unless a mail with its key was sent before; throws {@link MailException} on SMTP failure. */
    public SentMail sendOnce(OutgoingMail mail) {
        Optional<SentMail> earlier = findSent(mail.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MimeMessage message = toMimeMessage(mail);
        sender.send(message);
        Instant sentAt = Instant.now(clock);
        String messageId = messageIdOf(message);
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into outbound_mail (idempotency_key, recipients, subject, message_id, sent_at)
                        values (?, ?, ?, ?, ?)""")
                .params(mail.idempotencyKey(), String.join(", ", mail.to()), mail.subject(), messageId, Timestamp.from(sentAt))
                .update());
        return new SentMail(messageId, sentAt, true);
    }

    public Optional<SentMail> findSent(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc
                .sql("select message_id, sent_at from outbound_mail where idempotency_key = ?")
                .param(idempotencyKey)
                .query((rs, row) -> new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant(), false))
                .optional());
    }

    private MimeMessage toMimeMessage(OutgoingMail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
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
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot build mail '" + mail.subject() + "': " + e.getMessage(), e);
        }
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "unknown";
        }
    }
}
