package org.bangui.adapters.fail2ban.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bangui.domain.server.ServerUnavailableException;

/**
 * A thread-safe client for fail2ban's socket. Connections are kept and reused; at most {@code maxConnections}
 * commands are in flight, each on its own connection, and further callers wait their turn up to
 * {@code timeout}. fail2ban still executes one command at a time: the extra connections only let one
 * caller's I/O overlap another's command on the server. A connection that fails is closed; a command that
 * failed on a kept connection (fail2ban restarted) is retried once on a fresh one, but only while it has not
 * been sent completely. A command that timed out is never resent, because fail2ban may still carry it out:
 * for state-changing commands ({@link #sendChange}) the connection is kept open in the background to catch
 * fail2ban's late reply.
 */
public final class Fail2banClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Fail2banClient.class.getName());

    private volatile Path socket;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final Semaphore turns;
    private final CommandObserver observer;
    private final ConcurrentLinkedDeque<Fail2banConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    /** How long a late reply to a state-changing command is waited for in the background. */
    static final Duration LATE_REPLY_LIMIT = Duration.ofMinutes(15);
    private static final int MAX_LATE_REPLIES = 16;
    private final Semaphore lateSlots = new Semaphore(MAX_LATE_REPLIES);
    private final Set<Fail2banConnection> awaitingLateReply = ConcurrentHashMap.newKeySet();
    private final ExecutorService lateReplies = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fail2ban-late-reply");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param socket the fail2ban socket path
     * @param connectTimeout how long to wait for a connection
     * @param timeout how long one command may take, including the wait for a turn
     * @param maxConnections how many commands may be in flight at once, each on its own connection
     */
    public Fail2banClient(Path socket, Duration connectTimeout, Duration timeout, int maxConnections) {
        this(socket, connectTimeout, timeout, maxConnections, CommandObserver.NONE);
    }

    /**
     * @param observer told about every command sent, as {@link #Fail2banClient(Path, Duration, Duration, int)} says
     *                 for the others
     */
    public Fail2banClient(Path socket, Duration connectTimeout, Duration timeout, int maxConnections,
                          CommandObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        this.turns = new Semaphore(maxConnections, true);
    }

    /** A client with one connection. */
    public Fail2banClient(Path socket, Duration connectTimeout, Duration timeout) {
        this(socket, connectTimeout, timeout, 1);
    }

    /** The socket this client talks to. */
    public Path socket() {
        return socket;
    }

    /** Talks to another socket from now on; kept connections to the old one are closed. */
    public void retarget(Path newSocket) {
        this.socket = Objects.requireNonNull(newSocket, "newSocket");
        Fail2banConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    /**
     * Sends one command and returns the value of fail2ban's reply.
     *
     * @param command the command words; strings, integers and booleans only
     * @return the reply value: String, Integer/Long, Boolean, List, Object[] (tuples), Map, or null
     * @throws ServerUnavailableException if fail2ban cannot be reached or does not answer in time
     * @throws Fail2banErrorReply if fail2ban answers with an error
     * @throws ProtocolException if the reply is not fail2ban's protocol
     * @throws IllegalArgumentException if the command cannot be encoded safely
     */
    public Object send(List<?> command) {
        return observed(command, () -> sendOnce(command));
    }

    private Object sendOnce(List<?> command) {
        byte[] request = Fail2banCodec.encode(command);
        acquireTurn();
        Fail2banConnection connection = idle.pollFirst();
        try {
            Fail2banConnection.Frame frame;
            try {
                if (connection == null) {
                    connection = Fail2banConnection.open(socket, connectTimeout);
                }
                frame = connection.exchange(request, timeout);
            } catch (Fail2banConnection.ReplyTimeoutException timedOut) {
                connection = discard(connection);
                throw unavailable(timedOut);
            } catch (IOException first) {
                boolean kept = connection != null;
                connection = discard(connection);
                if (!kept) {
                    throw unavailable(first);
                }
                LOG.log(System.Logger.Level.DEBUG, "fail2ban_connection_lost: reconnecting: {0}", first.getMessage());
                try {
                    connection = Fail2banConnection.open(socket, connectTimeout);
                    frame = connection.exchange(request, timeout);
                } catch (IOException second) {
                    connection = discard(connection);
                    throw unavailable(second);
                }
            }
            try {
                return Fail2banCodec.decode(frame.bytes(), frame.length());
            } catch (ProtocolException e) {
                connection = discard(connection);
                throw e;
            }
        } finally {
            release(connection);
            turns.release();
        }
    }

    /**
     * Sends one state-changing command ({@code banip}, {@code unbanip}, {@code stop J}...). Unlike
     * {@link #send(List)}, a command that reached fail2ban is never retried, and when its reply does not
     * arrive in time the connection stays open in the background for the late reply.
     *
     * @return the reply value, as for {@link #send(List)}
     * @throws ReplyPendingException if the command was sent completely but no reply came in time, or the
     *         connection broke after sending; the outcome is then unknown until its late reply completes
     * @throws ServerUnavailableException if fail2ban cannot be reached: the command was not sent completely
     * @throws Fail2banErrorReply if fail2ban answers with an error
     * @throws ProtocolException if the reply is not fail2ban's protocol
     */
    public Object sendChange(List<?> command) {
        return observed(command, () -> sendChangeOnce(command));
    }

    /** Runs {@code exchange} and tells the observer how long it took and how it failed, if it did. */
    private Object observed(List<?> command, Supplier<Object> exchange) {
        long start = System.nanoTime();
        Optional<String> error = Optional.of("unexpected");
        try {
            Object reply = exchange.get();
            error = Optional.empty();
            return reply;
        } catch (Fail2banErrorReply e) {
            error = Optional.of("error_reply");
            throw e;
        } catch (ReplyPendingException e) {
            error = Optional.of("outcome_unknown");
            throw e;
        } catch (ProtocolException e) {
            error = Optional.of("protocol");
            throw e;
        } catch (ServerUnavailableException e) {
            error = Optional.of("unavailable");
            throw e;
        } finally {
            observer.completed(CommandVerb.of(command), Duration.ofNanos(System.nanoTime() - start), error);
        }
    }

    private Object sendChangeOnce(List<?> command) {
        byte[] request = Fail2banCodec.encode(command);
        acquireTurn();
        Fail2banConnection connection = idle.pollFirst();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (connection == null) {
                    connection = Fail2banConnection.open(socket, connectTimeout);
                }
                connection.send(request, deadline);
            } catch (IOException notSent) {
                boolean kept = connection != null;
                connection = abort(connection);
                if (!kept || notSent instanceof Fail2banConnection.ReplyTimeoutException) {
                    throw unavailable(notSent);
                }
                try {
                    connection = Fail2banConnection.open(socket, connectTimeout);
                    connection.send(request, deadline);
                } catch (IOException second) {
                    connection = abort(connection);
                    throw unavailable(second);
                }
            }
            Fail2banConnection.Frame frame;
            try {
                frame = connection.receive(deadline);
            } catch (Fail2banConnection.ReplyTimeoutException timedOut) {
                CompletableFuture<Object> late = awaitLateReply(connection);
                connection = null; // owned by the late-reply reader now
                LOG.log(System.Logger.Level.WARNING, "fail2ban_command_timeout: no reply within {0} ms to a "
                        + "command it received ({1}); waiting for its late reply", timeout.toMillis(), command.get(0));
                throw new ReplyPendingException("fail2ban received the command but did not answer in time", late);
            } catch (IOException lostAfterSending) {
                connection = discard(connection);
                LOG.log(System.Logger.Level.WARNING, "fail2ban_connection_closed: after a command: {0}",
                        lostAfterSending.getMessage());
                throw new ReplyPendingException("fail2ban received the command and closed the connection",
                        CompletableFuture.failedFuture(unavailable(lostAfterSending)));
            }
            try {
                return Fail2banCodec.decode(frame.bytes(), frame.length());
            } catch (ProtocolException e) {
                connection = discard(connection);
                throw e;
            }
        } finally {
            release(connection);
            turns.release();
        }
    }

    /** Convenience for {@link #sendChange(List)}. */
    public Object sendChange(Object... command) {
        return sendChange(List.of(command));
    }

    private CompletableFuture<Object> awaitLateReply(Fail2banConnection connection) {
        CompletableFuture<Object> late = new CompletableFuture<>();
        if (closed || !lateSlots.tryAcquire()) {
            connection.close();
            late.completeExceptionally(new ServerUnavailableException("too many commands await a late reply "
                    + "from fail2ban; not waiting for this one", null));
            return late;
        }
        awaitingLateReply.add(connection);
        try {
            lateReplies.execute(() -> {
                try {
                    Fail2banConnection.Frame frame = connection.receive(System.nanoTime() + LATE_REPLY_LIMIT.toNanos());
                    late.complete(Fail2banCodec.decode(frame.bytes(), frame.length()));
                } catch (IOException e) {
                    late.completeExceptionally(unavailable(e));
                } catch (RuntimeException e) {
                    late.completeExceptionally(e);
                } finally {
                    awaitingLateReply.remove(connection);
                    connection.close();
                    lateSlots.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            awaitingLateReply.remove(connection);
            connection.close();
            lateSlots.release();
            late.completeExceptionally(new ServerUnavailableException("shutting down", shutDown));
        }
        return late;
    }

    /** Convenience for {@link #send(List)}. */
    public Object send(Object... command) {
        return send(List.of(command));
    }

    private void acquireTurn() {
        try {
            if (!turns.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServerUnavailableException("fail2ban is busy: no turn within " + timeout.toMillis()
                        + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while waiting for fail2ban", e);
        }
    }

    private void release(Fail2banConnection connection) {
        if (connection == null) {
            return;
        }
        if (closed) {
            connection.close();
        } else {
            idle.offerFirst(connection);
        }
    }

    /** Closes a connection whose request may be incomplete, without appending anything to it. */
    private static Fail2banConnection abort(Fail2banConnection connection) {
        if (connection != null) {
            connection.abort();
        }
        return null;
    }

    private static Fail2banConnection discard(Fail2banConnection connection) {
        if (connection != null) {
            connection.close();
        }
        return null;
    }

    /** The message is for API clients: a short reason, no socket path; the log has the detail. */
    private ServerUnavailableException unavailable(IOException cause) {
        LOG.log(System.Logger.Level.DEBUG, "fail2ban_unreachable: fail2ban unreachable at {0}: {1}", socket,
                cause.getMessage());
        return new ServerUnavailableException(UNAVAILABLE + reason(cause), cause);
    }

    /** How every "fail2ban cannot be reached" message starts; {@link #reason} follows. */
    public static final String UNAVAILABLE = "fail2ban is unavailable: ";

    /** A short reason for a failed exchange, safe to show: never a path or a raw error message. */
    static String reason(IOException cause) {
        String text = String.valueOf(cause.getMessage());
        if (cause instanceof Fail2banConnection.ReplyTimeoutException || text.contains("timed out")) {
            return "no answer in time";
        }
        if (text.contains("No such file") || text.contains("does not exist")) {
            return "socket not found";
        }
        if (text.contains("Permission denied")) {
            return "permission denied on the socket";
        }
        if (text.contains("Connection refused")) {
            return "connection refused";
        }
        return "unreachable";
    }

    /** Closes the kept connections; commands in flight finish and then close theirs. */
    @Override
    public void close() {
        closed = true;
        lateReplies.shutdownNow();
        awaitingLateReply.forEach(Fail2banConnection::close);
        Fail2banConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }
}
