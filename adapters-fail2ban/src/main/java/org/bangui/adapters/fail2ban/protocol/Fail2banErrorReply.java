package org.bangui.adapters.fail2ban.protocol;

/**
 * fail2ban answered a command with an error: either a {@code (1, exception)} reply or a bare
 * {@code "ERROR: ..."} string (sent when it could not even unpickle the request).
 */
public final class Fail2banErrorReply extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pythonType;

    public Fail2banErrorReply(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    /** The Python exception class name, or {@code ERROR} for a bare error string. */
    public String pythonType() {
        return pythonType;
    }

    /** True if fail2ban said that the jail named in the command does not exist. */
    public boolean isUnknownJail() {
        return "UnknownJailException".equals(pythonType);
    }
}
