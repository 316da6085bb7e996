package com.billflow.soak;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SMTP server of the kill -9 soak (scripts/soak.sh), outside the nodes so that a kill loses no
 * mail: GreenMail on 127.0.0.1:{@code port}, writing every message it accepts to
 * {@code directory/<n>.eml}, duplicates included, so the script can count copies per Message-ID.
 * GreenMail keeps one copy per recipient: the soak's facility has one billing contact, so one copy
 * is one SMTP transaction. Runs until terminated (TERM writes what is left).
 * Arguments: port, directory.
 */
public final class SoakMailSink {

    private final GreenMail smtp;
    private final Path directory;
    private int written;

    private SoakMailSink(int port, Path directory) {
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        SoakMailSink sink = new SoakMailSink(Integer.parseInt(args[0]), Path.of(args[1]));
        Files.createDirectories(sink.directory);
        sink.smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.writeNew();
            sink.smtp.stop();
        }));
        System.out.println("SMTP sink on 127.0.0.1:" + args[0] + ", writing to " + sink.directory.toAbsolutePath());
        while (true) {
            Thread.sleep(500);
            sink.writeNew();
        }
    }

    /** Writes the messages received since the last call, numbered in the order received. */
    private synchronized void writeNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; written < received.length; written++) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(String.format("%06d.eml", written + 1)))) {
                received[written].writeTo(out);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot write message " + (written + 1), e);
            }
        }
    }
}
