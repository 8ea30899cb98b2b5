package org.bangui.adapters.fail2ban.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * One connection to the fail2ban socket. Not thread-safe: {@link Fail2banClient} serialises access.
 * Non-blocking I/O with a selector gives every connect, write and read a deadline.
 */
final class Fail2banConnection implements Closeable {

    private static final int INITIAL_BUFFER = 8 * 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private byte[] reply = new byte[INITIAL_BUFFER];

    private Fail2banConnection(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    static Fail2banConnection open(Path socket, Duration connectTimeout) throws IOException {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        while (true) {
            try {
                return tryOpen(socket, deadline);
            } catch (IOException e) {
                // fail2ban listens with a tiny backlog; a non-blocking connect to a full backlog fails at once
                // with EAGAIN instead of waiting, so wait for the server to accept and try again
                if (!isBacklogFull(e) || System.nanoTime() >= deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while connecting", interrupted);
                }
            }
        }
    }

    private static boolean isBacklogFull(IOException e) {
        return !(e instanceof ConnectException) && e.getMessage() != null
                && e.getMessage().contains("temporarily unavailable");
    }

    private static Fail2banConnection tryOpen(Path socket, long deadline) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (selector.select(waitMillis) == 0) {
                    throw new ConnectException("connect timed out");
                }
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
            } else {
                channel.register(selector, SelectionKey.OP_READ);
            }
            return new Fail2banConnection(channel, selector);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /**
     * Sends one framed request and reads the complete reply frame.
     *
     * @return the reply bytes including the end marker; the array may be longer than the returned length
     */
    Frame exchange(byte[] request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        send(request, deadline);
        return receive(deadline);
    }

    /**
     * Writes one framed request completely. If this throws, fail2ban has not received a whole command (it
     * executes nothing until it reads the end marker, which comes last).
     *
     * @param deadline a {@link System#nanoTime()} value
     */
    void send(byte[] request, long deadline) throws IOException {
        write(ByteBuffer.wrap(request), deadline);
    }

    /**
     * Reads one complete reply frame.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @return the reply bytes including the end marker; the array may be longer than the returned length
     * @throws ReplyTimeoutException if the deadline passes first
     */
    Frame receive(long deadline) throws IOException {
        int length = 0;
        while (!Fail2banCodec.isComplete(reply, length)) {
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read < 0) {
                throw new IOException("fail2ban closed the connection");
            }
            if (read == 0) {
                await(SelectionKey.OP_READ, deadline);
                continue;
            }
            if (length + read > reply.length) {
                reply = Arrays.copyOf(reply, Math.max(reply.length * 2, length + read));
            }
            readBuffer.flip();
            readBuffer.get(reply, length, read);
            length += read;
        }
        return new Frame(reply, length);
    }

    private void write(ByteBuffer data, long deadline) throws IOException {
        while (data.hasRemaining()) {
            if (channel.write(data) == 0) {
                await(SelectionKey.OP_WRITE, deadline);
            }
        }
    }

    /**
     * Waits until the channel is ready for {@code operation} or the deadline passes. Read interest stays
     * registered between calls (replies are what we wait for almost always), which saves two epoll_ctl
     * calls per wait; write interest is set only while a write is blocked.
     */
    private void await(int operation, long deadline) throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new ReplyTimeoutException();
        }
        SelectionKey key = channel.keyFor(selector);
        if (operation != SelectionKey.OP_READ) {
            key.interestOps(operation);
        }
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for fail2ban");
        }
        try {
            int ready = selector.select(remainingMillis);
            selector.selectedKeys().clear();
            if (ready == 0 && System.nanoTime() >= deadline) {
                throw new ReplyTimeoutException();
            }
        } finally {
            if (operation != SelectionKey.OP_READ) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen() && channel.isConnected()) {
                channel.write(ByteBuffer.wrap(Fail2banCodec.CLOSE));
            }
        } catch (IOException ignored) {
            // the server may already be gone; closing our side is all that matters
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /**
     * Closes without the polite close command. Used after a request was written only in part: appending the
     * close command to it could complete a frame that fail2ban would then execute (Python's unpickler ignores
     * bytes after the pickle), whereas a connection that simply ends leaves the fragment unexecuted.
     */
    void abort() {
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** A reply frame: {@code bytes[0..length)}. */
    record Frame(byte[] bytes, int length) {
    }

    /** fail2ban did not answer before the deadline. */
    static final class ReplyTimeoutException extends IOException {

        private static final long serialVersionUID = 1L;

        ReplyTimeoutException() {
            super("fail2ban did not answer in time");
        }
    }
}
