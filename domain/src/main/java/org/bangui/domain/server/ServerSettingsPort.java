package org.bangui.domain.server;

/**
 * The fail2ban server's own runtime settings. Every method throws {@link ServerUnavailableException} when
 * fail2ban cannot be reached.
 */
public interface ServerSettingsPort {

    /** The server's log level ({@code INFO}, {@code DEBUG}, ...). */
    String logLevel();

    /** Sets the server's log level; {@code level} is one of fail2ban's level names, already validated. */
    void setLogLevel(String level);

    /** How long fail2ban keeps ban records in its own database, in seconds. */
    long dbPurgeAge();

    /** Sets how long fail2ban keeps ban records in its own database, in seconds. */
    void setDbPurgeAge(long seconds);
}
