package org.bangui.adapters.fail2ban.protocol;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A state-changing command reached fail2ban, but its reply did not arrive in time (or the connection broke
 * after the command was sent): fail2ban may have carried it out. {@link #lateReply()} completes with the reply
 * value if fail2ban answers later, or exceptionally with {@link Fail2banErrorReply}, {@link ProtocolException}
 * or {@link org.bangui.domain.server.ServerUnavailableException} when it refuses, answers garbage, or the wait
 * ends without an answer.
 */
public final class ReplyPendingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<Object> lateReply;

    ReplyPendingException(String message, CompletableFuture<Object> lateReply) {
        super(message);
        this.lateReply = Objects.requireNonNull(lateReply, "lateReply");
    }

    /** The reply value, when and if it comes. */
    public CompletableFuture<Object> lateReply() {
        return lateReply;
    }
}
