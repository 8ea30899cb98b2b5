package org.bangui.application.logging;

/**
 * Told when external logging (a log shipper or remote appender) could not be set up, for operational figures
 * (metrics: {@code bangui_external_logging_init_failures_total}). An implementation must be quick and must not
 * throw.
 */
public interface ExternalLoggingObserver {

    /** Observes nothing. */
    ExternalLoggingObserver NONE = () -> { };

    /** One attempt to set up external logging failed; the service goes on logging to the console. */
    void initFailed();
}
