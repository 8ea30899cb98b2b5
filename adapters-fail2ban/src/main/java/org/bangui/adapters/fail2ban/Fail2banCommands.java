package org.bangui.adapters.fail2ban;

import java.util.List;
import java.util.Objects;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.fail2ban.protocol.Fail2banErrorReply;
import org.bangui.adapters.fail2ban.protocol.ProtocolException;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.server.CommandRejectedException;
import org.bangui.domain.server.ServerUnavailableException;

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
            if (e.isUnknownJail()) {
                throw new UnknownJailException(jail);
            }
            throw new CommandRejectedException(e.getMessage());
        }
    }

    /** A server-wide command. */
    Object forServer(List<?> command) {
        try {
            return send(command);
        } catch (Fail2banErrorReply e) {
            throw new CommandRejectedException(e.getMessage());
        }
    }

    /** Applies a reply parser; a reply of an unexpected shape means fail2ban is not what we talk to. */
    static <T> T parse(java.util.function.Supplier<T> parser) {
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
