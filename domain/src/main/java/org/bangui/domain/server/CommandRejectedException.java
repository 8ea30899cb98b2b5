package org.bangui.domain.server;

import org.bangui.domain.shared.DomainException;

/** fail2ban received a command and refused it; the message is fail2ban's own reason. */
public final class CommandRejectedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CommandRejectedException(String message) {
        super("command_rejected", Category.CONFLICT, message);
    }
}
