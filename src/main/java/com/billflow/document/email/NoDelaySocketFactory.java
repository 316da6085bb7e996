package com.billflow.document.email;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Plain sockets with {@code TCP_NODELAY} set, for {@link MailService}'s SMTP connections (the session property
 * {@code mail.smtp.socketFactory}; Angus Mail still wraps the socket in TLS for {@code smtps} and STARTTLS).
 * <p>
 * Jakarta Mail writes the end of a message's data ({@code CRLF.CRLF}) as a small second write after the body. With
 * Nagle's algorithm the kernel holds that write until the server acknowledges the body, and servers delay that
 * acknowledgement (40 ms on Linux): every mail waited about 40 ms twice for nothing. SMTP is a request-and-answer
 * protocol whose writes are already whole commands, so nothing is gained by coalescing them.
 */
final class NoDelaySocketFactory extends SocketFactory {

    static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private NoDelaySocketFactory() {
    }

    /** The unconnected socket Angus Mail asks for (it connects it itself, with its connection timeout). */
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
