package org.bangui.bootstrap.logging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that trust the JVM's trust store ({@code -Djavax.net.ssl.trustStore}) and check that the
 * receiver's certificate names the host they connect to, as HTTPS does; a plain {@code SSLSocket} skips that.
 */
final class VerifyingTlsSockets extends SocketFactory {

    private final SSLSocketFactory tls;

    private VerifyingTlsSockets(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** @throws IllegalStateException if the JVM has no default TLS context (a broken trust store setting) */
    static VerifyingTlsSockets withJvmTrustStore() {
        try {
            return new VerifyingTlsSockets(SSLContext.getDefault().getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS context: check -Djavax.net.ssl.trustStore", e);
        }
    }

    private static Socket verifying(Socket socket) {
        SSLSocket tlsSocket = (SSLSocket) socket;
        SSLParameters parameters = tlsSocket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tlsSocket.setSSLParameters(parameters);
        return tlsSocket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return verifying(tls.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }
}
