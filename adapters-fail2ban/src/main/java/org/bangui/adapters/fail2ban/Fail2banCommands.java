package org.bangui.adapters.fail2ban;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.fail2ban.protocol.Fail2banErrorReply;
import org.bangui.adapters.fail2ban.protocol.ProtocolException;
import org.bangui.adapters.fail2ban.protocol.ReplyPendingException;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.bangui.domain.server.CommandRejectedException;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;

/** Sends commands and translates fail2ban's failures into domain exceptions. */
final class Fail2banCommands {

    private final Fail2banClient client;

    Fail2banCommands(Fail2banClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A command about one jail: fail2ban's UnknownJailException becomes the domain's. */
    Object forJail(JailName jail, List<?> command) {
        try {
            return send(command);
        } catch (Fail2banErrorReply e) {
            throw translate(jail, e);
        }
    }

    /** A server-wide command. */
    Object forServer(List<?> command) {
        try {
            return send(command);
        } catch (Fail2banErrorReply e) {
            throw translate(null, e);
        }
    }

    /**
     * A state-changing command, about {@code jail} if it is not null. Its reply goes through {@code parser},
     * now or, when it arrives late, in the {@link CommandOutcomeUnknownException} thrown meanwhile.
     */
    <T> T change(JailName jail, List<?> command, Function<Object, T> parser) {
        Object reply;
        try {
            reply = client.sendChange(command);
        } catch (Fail2banErrorReply e) {
            throw translate(jail, e);
        } catch (ProtocolException e) {
            throw new ServerUnavailableException("fail2ban sent an unreadable reply", e);
        } catch (ReplyPendingException pending) {
            CompletableFuture<T> late = pending.lateReply().handle((value, failure) -> {
                if (failure != null) {
                    throw new CompletionException(translateLate(jail, failure));
                }
                return parse(() -> parser.apply(value));
            });
            throw new CommandOutcomeUnknownException(pending.getMessage(), late);
        }
        return parse(() -> parser.apply(reply));
    }

    private static DomainException translateLate(JailName jail, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof Fail2banErrorReply reply) {
            return translate(jail, reply);
        }
        if (cause instanceof DomainException domain) {
            return domain;
        }
        return new ServerUnavailableException("fail2ban sent an unreadable late reply", cause);
    }

    private static DomainException translate(JailName jail, Fail2banErrorReply e) {
        if (jail != null && e.isUnknownJail()) {
            return new UnknownJailException(jail);
        }
        return new CommandRejectedException(e.getMessage());
    }

    /** Applies a reply parser; a reply of an unexpected shape means fail2ban is not what we talk to. */
    static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ProtocolException e) {
            throw new ServerUnavailableException("fail2ban sent an unexpected reply: " + e.getMessage(), e);
        }
    }

    private Object send(List<?> command) {
        try {
            return client.send(command);
        } catch (ProtocolException e) {
            throw new ServerUnavailableException("fail2ban sent an unreadable reply: " + e.getMessage(), e);
        }
    }
}
