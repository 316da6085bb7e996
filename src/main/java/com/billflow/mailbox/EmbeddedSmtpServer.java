package com.billflow.mailbox;

import com.billflow.BillflowProperties;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * An SMTP server inside the application (GreenMail) on {@code billflow.mail.embedded.port}, so the
 * default run sends real mail without any set-up and the user can read it at /mailbox. It keeps
 * mail in memory: a restart empties it. Off in production ({@code billflow.mail.embedded.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "billflow.mail.embedded.enabled", havingValue = "true")
public class EmbeddedSmtpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final GreenMail greenMail;
    private boolean running;

    EmbeddedSmtpServer(BillflowProperties properties) {
        this.greenMail = new GreenMail(new ServerSetup(properties.mail().embedded().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Started before the job executor sends anything, stopped after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        LOG.info("Embedded SMTP server listening on 127.0.0.1:{}; received mail is shown at /mailbox", greenMail.getSmtp().getPort());
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Everything received since start, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }
}
