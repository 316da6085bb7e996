package com.billflow.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on loopback that receives whole messages and then misbehaves as told, to
 * test what no well-behaved server (GreenMail) does: drop the connection after the message instead
 * of answering, or answer only after a delay. Everything it received is in {@link #received()}.
 */
public final class FaultySmtpServer implements AutoCloseable {

    /** What to do once a message has been received completely. */
    public enum AfterData { ANSWER, DROP_CONNECTION, ANSWER_LATE }

    private final ServerSocket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile AfterData afterData;
    private final Duration delay;

    public FaultySmtpServer(AfterData afterData, Duration delay) throws IOException {
        this.afterData = afterData;
        this.delay = delay;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "faulty-smtp");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Each message as received (headers and body, dot-unstuffed). */
    public List<String> received() {
        return List.copyOf(received);
    }

    public void behave(AfterData afterData) {
        this.afterData = afterData;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> converse(client), "faulty-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 faulty.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 faulty.test");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                        }
                        received.add(message.toString());
                        switch (afterData) {
                            case DROP_CONNECTION -> {
                                return;
                            }
                            case ANSWER_LATE -> {
                                Thread.sleep(delay.toMillis());
                                reply(out, "250 OK queued");
                            }
                            case ANSWER -> reply(out, "250 OK queued");
                        }
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away; nothing to do
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
