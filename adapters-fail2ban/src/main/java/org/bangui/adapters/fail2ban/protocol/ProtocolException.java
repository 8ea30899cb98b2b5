package org.bangui.adapters.fail2ban.protocol;

/** The bytes on the socket do not follow fail2ban's protocol. */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
