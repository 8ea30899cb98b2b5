package org.bangui.domain.server;

/** The fail2ban server itself. */
public interface ServerPort {

    /**
     * The server's version string, which also proves it answers.
     *
     * @throws ServerUnavailableException if it cannot be reached
     */
    String version();
}
