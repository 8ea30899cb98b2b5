package org.bangui.adapters.fail2ban.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bangui.domain.server.ServerUnavailableException;

/**
 * A thread-safe client for fail2ban's socket. fail2ban serves one command at a time, so the client keeps one
 * connection and lets one caller use it at a time; waiting callers give up after {@code timeout}. A
 * connection that fails is closed; a command that failed on a reused connection is retried once on a fresh
 * one, which is how the client recovers after fail2ban restarts.
 */
public final class Fail2banClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Fail2banClient.class.getName());

    private final Path socket;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock(true);
    private Fail2banConnection connection;

    /**
     * @param socket the fail2ban socket path
     * @param connectTimeout how long to wait for a connection
     * @param timeout how long one command may take, including the wait for other callers
     */
    public Fail2banClient(Path socket, Duration connectTimeout, Duration timeout) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The socket this client talks to. */
    public Path socket() {
        return socket;
    }

    /**
     * Sends one command and returns the value of fail2ban's reply.
     *
     * @param command the command words; strings, integers and booleans only
     * @return the reply value: String, Integer/Long, Boolean, List, Object[] (tuples), Map, or null
     * @throws ServerUnavailableException if fail2ban cannot be reached or does not answer in time
     * @throws Fail2banErrorReply if fail2ban answers with an error
     * @throws IllegalArgumentException if the command cannot be encoded safely
     */
    public Object send(List<?> command) {
        byte[] request = Fail2banCodec.encode(command);
        acquire();
        try {
            // a connection kept from earlier calls may have been cut by a fail2ban restart: retry once
            boolean reused = connection != null;
            Fail2banConnection.Frame frame;
            try {
                frame = exchange(request);
            } catch (Fail2banConnection.ReplyTimeoutException timedOut) {
                throw unavailable(timedOut); // fail2ban may still act on it: never resend
            } catch (IOException first) {
                if (!reused) {
                    throw unavailable(first);
                }
                LOG.log(System.Logger.Level.DEBUG, "fail2ban connection lost, reconnecting: {0}", first.getMessage());
                try {
                    frame = exchange(request);
                } catch (IOException second) {
                    throw unavailable(second);
                }
            }
            try {
                return Fail2banCodec.decode(frame.bytes(), frame.length());
            } catch (ProtocolException e) {
                disconnect();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Convenience for {@link #send(List)}. */
    public Object send(Object... command) {
        return send(List.of(command));
    }

    private void acquire() {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServerUnavailableException("fail2ban is busy: no turn within " + timeout.toMillis()
                        + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while waiting for fail2ban", e);
        }
    }

    private Fail2banConnection.Frame exchange(byte[] request) throws IOException {
        if (connection == null) {
            connection = Fail2banConnection.open(socket, connectTimeout);
        }
        try {
            return connection.exchange(request, timeout);
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    private ServerUnavailableException unavailable(IOException cause) {
        disconnect();
        return new ServerUnavailableException("fail2ban is unreachable at " + socket + ": " + cause.getMessage(),
                cause);
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Closes the connection; later calls reconnect. */
    @Override
    public void close() {
        lock.lock();
        try {
            disconnect();
        } finally {
            lock.unlock();
        }
    }
}
