package org.bangui.bootstrap.logging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Protocol;

/**
 * Whether the receiver answers: TCP connects, TLS also completes the handshake (trust and host name). UDP has no
 * answer to wait for (a lost ICMP message would pass anyway), so only its host name is resolved.
 */
final class Reachability {

    private Reachability() {
    }

    /** Why the receiver cannot be reached, or empty if it can. Never throws. */
    static Optional<String> check(ExternalLoggingSettings settings, int timeoutMillis) {
        try {
            InetAddress address = InetAddress.getByName(settings.host());
            if (settings.protocol() == Protocol.UDP) {
                return Optional.empty();
            }
            Socket socket = settings.protocol() == Protocol.TLS ? VerifyingTlsSockets.withJvmTrustStore()
                    .createSocket() : new Socket();
            try (socket) {
                socket.connect(new InetSocketAddress(address, settings.port()), timeoutMillis);
                if (socket instanceof SSLSocket tls) {
                    tls.setSoTimeout(timeoutMillis);
                    tls.startHandshake();
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host not found");
        } catch (ConnectException e) {
            return Optional.of("connection refused");
        } catch (SocketTimeoutException e) {
            return Optional.of("no answer within " + timeoutMillis + " ms");
        } catch (SSLException e) {
            return Optional.of(tlsReason(e));
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot connect");
        }
    }

    private static String tlsReason(SSLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("PKIX") || message.contains("certification path")) {
            return "TLS handshake failed: certificate not trusted (see -Djavax.net.ssl.trustStore)";
        }
        if (message.contains("subject alternative") || message.contains("No name matching")) {
            return "TLS handshake failed: the certificate does not name the host";
        }
        return "TLS handshake failed";
    }
}
