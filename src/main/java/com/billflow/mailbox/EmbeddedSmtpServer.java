package com.billflow.mailbox;

import com.billflow.BillflowProperties;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An SMTP server inside the application (GreenMail) on {@code billflow.mail.embedded.port}, so the
 * default run sends real mail without any set-up. What it receives is kept as .eml files under
 * {@code billflow.mail.embedded.directory} (default ./data/mailbox), so /mailbox still shows the
 * sent invoices after a restart. Off in production ({@code billflow.mail.embedded.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "billflow.mail.embedded.enabled", havingValue = "true")
public class EmbeddedSmtpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final GreenMail greenMail;
    private final Path directory;
    /**
     * SHA-256 of the mails written lately (at most {@value #RECENT_DIGESTS}, oldest dropped first): GreenMail keeps one
     * copy of a mail per recipient's mailbox, and a mail to two recipients must be kept once. Guarded by {@code this}.
     */
    private final Set<String> recentDigests = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_DIGESTS;
        }
    });
    private static final int RECENT_DIGESTS = 10_000;
    private volatile boolean running;

    EmbeddedSmtpServer(BillflowProperties properties) {
        this.greenMail = new NoDelayGreenMail(new ServerSetup(properties.mail().embedded().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.directory = Path.of(properties.mail().embedded().directory());
    }

    /** Started before the job executor sends anything, stopped after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mailbox directory " + directory.toAbsolutePath(), e);
        }
        greenMail.start();
        running = true;
        LOG.info("Embedded SMTP server listening on 127.0.0.1:{}; received mail is kept in {} and shown at /mailbox",
                greenMail.getSmtp().getPort(), directory.toAbsolutePath());
    }

    @Override
    public void stop() {
        keepReceived();
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Writes every mail received since the last call to the mailbox directory and then removes it from the
     * server's memory, so each mail is serialized and hashed once: keeping them all in GreenMail (as before)
     * re-wrote and re-hashed every mail ever received every 2 s, which grew with the app's age (in the
     * lifecycle benchmark 3 % of the app's CPU samples after about 130 mails) and held every 40 KB invoice mail in the heap.
     */
    @Scheduled(fixedDelay = 2000)
    public synchronized void keepReceived() {
        if (!running) {
            return;
        }
        try {
            for (MailFolder folder : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                List<Long> keptUids = new ArrayList<>();
                // a copy (one toArray): the folder's list grows while the SMTP server delivers
                for (StoredMessage stored : List.copyOf(folder.getMessages())) {
                    if (keep(stored.getMimeMessage())) {
                        stored.setFlag(Flags.Flag.DELETED, true);
                        keptUids.add(stored.getUid());
                    }
                }
                if (!keptUids.isEmpty()) {
                    // only the mails just kept: one that arrived meanwhile waits for the next call
                    folder.expunge(IdRange.convertUidsToIdRangeArray(keptUids));
                }
            }
        } catch (FolderException e) {
            LOG.warn("Could not list the embedded SMTP server's mailboxes: {}", e.getMessage());
        }
    }

    /**
     * Writes one mail to the directory, unless the same mail (another recipient's copy) was written lately; false
     * (logged) if it could not, so that it stays for the next call.
     */
    private boolean keep(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            String digest = sha256(raw.toByteArray());
            if (recentDigests.contains(digest)) {
                return true;
            }
            Files.write(directory.resolve(System.currentTimeMillis() + "-" + digest.substring(0, 16) + ".eml"), raw.toByteArray());
            recentDigests.add(digest);
            return true;
        } catch (IOException | MessagingException e) {
            LOG.warn("Could not keep a received mail in {}: {}", directory, e.getMessage());
            return false;
        }
    }

    /** Everything received, oldest first. */
    public List<MimeMessage> receivedMessages() {
        keepReceived();
        List<MimeMessage> messages = new ArrayList<>();
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    messages.add(new MimeMessage(session, in));
                }
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot read the mailbox directory " + directory.toAbsolutePath(), e);
        }
        return messages;
    }

    /**
     * GreenMail whose SMTP server answers without Nagle's delay. GreenMail writes each line of a multi-line answer (its
     * EHLO answer has several) as a write of its own; with Nagle's algorithm the kernel held the second line until the
     * client acknowledged the first, which Linux delays by 40 ms, so every mail's EHLO took 40 ms. Mail servers in
     * production write such an answer at once; {@code TCP_NODELAY} on the accepted sockets does the same here.
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup smtp) {
            super(smtp);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            if (config.length != 1 || !ServerSetup.PROTOCOL_SMTP.equals(config[0].getProtocol())) {
                throw new IllegalArgumentException("The embedded server is one SMTP server, not " + List.of(config));
            }
            return Map.of(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {
                @Override
                protected ProtocolHandler createProtocolHandler(Socket client) {
                    try {
                        client.setTcpNoDelay(true);
                    } catch (SocketException e) {
                        LOG.debug("Could not turn off Nagle's algorithm for an SMTP client: {}", e.getMessage());
                    }
                    return super.createProtocolHandler(client);
                }
            });
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
