package org.bangui.domain.server;

/**
 * The fail2ban server itself. Every method throws {@link ServerUnavailableException} when fail2ban cannot be
 * reached.
 */
public interface ServerPort {

    /** Checks that fail2ban answers; returns normally if it does. */
    void ping();

    /** The server's version string. */
    String version();

    /** Where fail2ban keeps its own database and how long it keeps ban records there. */
    ServerDatabase database();
}
