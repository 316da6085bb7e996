package com.billflow.document.email;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import javax.net.SocketFactory;
import java.net.Socket;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MailService's mail session opens SMTP sockets without Nagle's algorithm (issue 11: Jakarta Mail's end of data waited
 * for the server's delayed acknowledgement, 40 ms a mail), unless spring.mail.properties names a socket factory.
 */
class MailSessionTest {

    @Test
    void smtpAndSmtpsSocketsAreOpenedWithTcpNoDelay() throws Exception {
        // given Spring Boot's sender with no socket settings
        Session session = MailService.trackingSession(new JavaMailSenderImpl());

        // then both protocols' sockets send each write at once
        for (String protocol : new String[]{"smtp", "smtps"}) {
            Object factory = session.getProperties().get("mail." + protocol + ".socketFactory");
            assertThat(factory).as(protocol).isInstanceOf(SocketFactory.class);
            try (Socket socket = ((SocketFactory) factory).createSocket()) {
                assertThat(socket.getTcpNoDelay()).as(protocol).isTrue();
            }
        }
    }

    @Test
    void aSocketFactoryConfiguredInSpringMailPropertiesIsKept() {
        // given one protocol configured with a factory instance and the other with a class name
        SocketFactory own = SocketFactory.getDefault();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties settings = new Properties();
        settings.put("mail.smtp.socketFactory", own);
        settings.put("mail.smtps.socketFactory.class", "javax.net.ssl.SSLSocketFactory");
        sender.setJavaMailProperties(settings);

        // when
        Properties session = MailService.trackingSession(sender).getProperties();

        // then neither is replaced (an instance would win over the class name in Angus Mail)
        assertThat(session.get("mail.smtp.socketFactory")).isSameAs(own);
        assertThat(session.get("mail.smtps.socketFactory")).isNull();
        assertThat(session.getProperty("mail.smtps.socketFactory.class")).isEqualTo("javax.net.ssl.SSLSocketFactory");
    }
}
