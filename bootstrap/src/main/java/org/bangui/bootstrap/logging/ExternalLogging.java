package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ships every log line to the external receiver as well as to stdout. The appender is asynchronous (a ring
 * buffer that drops when full): a slow or dead receiver never blocks a request; the dropped lines are counted.
 * GELF goes through logback-gelf's appenders; syslog over TCP/TLS through logstash-logback-encoder's TCP appender
 * (it reconnects by itself), over UDP through logback's syslog appender, both with {@link Rfc5424Layout}.
 */
public final class ExternalLogging {

    private static final System.Logger LOG = System.getLogger(ExternalLogging.class.getName());
    static final String APPENDER_NAME = "external";
    /**
     * Lines of this logger stay on this host (stdout): never sent to the receiver, whose readers need not have
     * access to the host (the generated setup token).
     */
    public static final String LOCAL_ONLY_LOGGER = "bangui.local";
    static final int TIMEOUT_MILLIS = 2000;

    private final ExternalLoggingSettings settings;
    private final LoggerContext context;
    private final Appender<ILoggingEvent> appender;
    private final String unreachable;
    private final AtomicLong dropped = new AtomicLong();

    private ExternalLogging(ExternalLoggingSettings settings, LoggerContext context, String unreachable) {
        this.settings = settings;
        this.context = context;
        this.unreachable = unreachable;
        this.appender = ExternalAppenders.build(settings, context, dropped);
    }

    /** The receiver could not be reached at start and {@code BANGUI_EXTERNAL_LOGGING_REQUIRED} is true. */
    public static final class UnreachableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message) {
            super(message);
        }
    }

    /**
     * Checks that the receiver can be reached, then adds the appender to the root logger. An unreachable
     * receiver logs {@code external_logging_degraded} and the lines are sent once it answers (TCP/TLS reconnect).
     *
     * @throws UnreachableException if it cannot be reached and it is required; nothing was added then
     */
    public static ExternalLogging start(ExternalLoggingSettings settings, LoggerContext context) {
        Optional<String> problem = Reachability.check(settings, TIMEOUT_MILLIS);
        if (problem.isPresent() && settings.required()) {
            throw new UnreachableException(settings.describe() + " to " + settings.host() + ":" + settings.port()
                    + " " + problem.get());
        }
        ExternalLogging logging = new ExternalLogging(settings, context, problem.orElse(null));
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logging.appender);
        if (problem.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "external_logging_degraded target=\"" + settings.describe() + " to "
                    + settings.host() + ":" + settings.port() + "\" reason=\"" + problem.get() + "\"");
        } else {
            LOG.log(System.Logger.Level.INFO, "external_logging_started target=\"" + settings.describe() + " to "
                    + settings.host() + ":" + settings.port() + "\"");
        }
        return logging;
    }

    public ExternalLoggingSettings settings() {
        return settings;
    }

    /** Why the receiver could not be reached at start, if it could not. */
    public Optional<String> unreachableAtStart() {
        return Optional.ofNullable(unreachable);
    }

    /**
     * How many times the start-up could not reach the receiver: 0 or 1 in this process (the value behind
     * {@code bangui_external_logging_init_failures}).
     */
    public long initFailures() {
        return unreachable == null ? 0 : 1;
    }

    /** Lines lost so far: the buffer was full, or sending them failed. */
    public long droppedEvents() {
        return dropped.get();
    }

    /**
     * Detaches the appender and stops it, which sends what is buffered (for up to two seconds), then logs
     * {@code external_logging_shutdown_complete} to the remaining appenders (stdout). Idempotent.
     */
    public void close() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.detachAppender(appender)) {
            appender.stop();
            LOG.log(System.Logger.Level.INFO, "external_logging_shutdown_complete dropped=" + dropped.get());
        }
    }
}
