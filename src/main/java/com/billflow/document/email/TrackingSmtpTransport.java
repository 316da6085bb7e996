package com.billflow.document.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.IOException;

/**
 * Jakarta Mail's SMTP transport (Angus Mail) that remembers whether the whole message had been
 * written to the server when a send failed. A failure before that point means the server cannot
 * have accepted the mail (safe to send again); a failure after it (the connection dropped, or the
 * server's answer to the end of the data did not come within the read timeout) means the server
 * may well have accepted it, and sending again would deliver a second copy.
 *
 * <p>Registered as the {@code smtp} provider of {@link MailService}'s mail session
 * ({@code Session.setProvider}); {@link Ssl} is the same for {@code smtps}.
 */
public class TrackingSmtpTransport extends SMTPTransport {

    private volatile boolean messageWritten;

    public TrackingSmtpTransport(Session session, URLName urlName) {
        super(session, urlName);
    }

    protected TrackingSmtpTransport(Session session, URLName urlName, String protocol, boolean ssl) {
        super(session, urlName, protocol, ssl);
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        messageWritten = false;
        super.sendMessage(message, addresses);
    }

    /** Called once the message body has been written; what remains is the end-of-data line and the server's answer. */
    @Override
    protected void finishData() throws IOException, MessagingException {
        messageWritten = true;
        super.finishData();
    }

    /** True when the last {@link #sendMessage} had written the whole message before it ended (well or not). */
    public boolean messageWritten() {
        return messageWritten;
    }

    /** The same for SMTP over TLS ({@code smtps}). */
    public static class Ssl extends TrackingSmtpTransport {
        public Ssl(Session session, URLName urlName) {
            super(session, urlName, "smtps", true);
        }
    }
}
