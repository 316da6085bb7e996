package com.billflow.mailbox;

import com.billflow.BillflowProperties;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded SMTP server keeps every mail it receives once as an .eml file, however many recipients it had
 * (GreenMail holds a copy per recipient), and forgets it from memory once written.
 */
class EmbeddedSmtpServerTest {

    @TempDir
    Path mailbox;
    EmbeddedSmtpServer server;
    int port;

    @AfterEach
    void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    @Test
    void aMailToTwoRecipientsIsKeptOnceAndEachNewMailOnce() throws Exception {
        // given
        port = freePort();
        BillflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "billflow.mail.embedded.port", String.valueOf(port),
                "billflow.mail.embedded.directory", mailbox.toString())))
                .bindOrCreate("billflow", BillflowProperties.class);
        server = new EmbeddedSmtpServer(properties);
        server.start();

        // when a mail goes to two recipients, and the server keeps what it received twice
        send("Invoice INV-1", "ap@hospital.example", "jane.doe@hospital.example");
        server.keepReceived();
        server.keepReceived();

        // then it is one file
        assertThat(emlFiles()).hasSize(1);
        assertThat(Files.readString(emlFiles().get(0))).contains("Subject: Invoice INV-1");

        // and a second mail is a second file, written once, also when the server stops
        send("Invoice INV-2", "ap@hospital.example");
        server.keepReceived();
        server.stop();
        assertThat(emlFiles()).hasSize(2);
    }

    private void send(String subject, String... recipients) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("billing@billflow.example"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("See the attached invoice.");
        Transport.send(message);
    }

    private List<Path> emlFiles() throws IOException {
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
