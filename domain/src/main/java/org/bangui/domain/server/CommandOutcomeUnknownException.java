package org.bangui.domain.server;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.bangui.domain.shared.DomainException;

/**
 * fail2ban received a state-changing command but did not answer in time: it may have carried it out, or may
 * still do so. The reply, if fail2ban sends it later, completes {@link #lateReply}.
 */
public final class CommandOutcomeUnknownException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<?> lateReply;

    /**
     * @param lateReply completes with the command's result (as the port method would have returned it) when
     *                  fail2ban answers late, or exceptionally with a {@link DomainException} when fail2ban
     *                  refuses the command, the connection is lost, or the wait is given up
     */
    public CommandOutcomeUnknownException(String message, CompletableFuture<?> lateReply) {
        super("outcome_unknown", Category.UNAVAILABLE, message);
        this.lateReply = Objects.requireNonNull(lateReply, "lateReply");
    }

    /**
     * The late reply, typed as the port method's result.
     *
     * @param type the port method's result type, e.g. {@code Integer.class}
     */
    public <T> CompletableFuture<T> lateReply(Class<T> type) {
        return lateReply.thenApply(type::cast);
    }
}
