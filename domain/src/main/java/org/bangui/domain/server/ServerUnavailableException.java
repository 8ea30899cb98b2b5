package org.bangui.domain.server;

import org.bangui.domain.shared.DomainException;

/** fail2ban cannot be reached: socket missing, connection refused, or no answer in time. */
public final class ServerUnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ServerUnavailableException(String message, Throwable cause) {
        super("fail2ban_unavailable", Category.UNAVAILABLE, message, cause);
    }
}
