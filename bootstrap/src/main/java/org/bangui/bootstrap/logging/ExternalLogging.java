package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import de.siegmar.logbackgelf.AbstractGelfAppender;
import de.siegmar.logbackgelf.GelfEncoder;
import de.siegmar.logbackgelf.GelfTcpAppender;
import de.siegmar.logbackgelf.GelfTcpTlsAppender;
import de.siegmar.logbackgelf.GelfUdpAppender;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
import net.logstash.logback.appender.listener.TcpAppenderListener;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Mode;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Protocol;

/**
 * Ships every log line to the external receiver as well as to stdout. The appender is asynchronous (a ring
 * buffer that drops when full): a slow or dead receiver never blocks a request; the dropped lines are counted.
 * GELF goes through logback-gelf's appenders; syslog over TCP/TLS through logstash-logback-encoder's TCP appender
 * (it reconnects by itself), over UDP through logback's syslog appender, both with {@link Rfc5424Layout}.
 */
public final class ExternalLogging {

    private static final System.Logger LOG = System.getLogger(ExternalLogging.class.getName());
    static final String APPENDER_NAME = "external";
    private static final int TIMEOUT_MILLIS = 2000;

    private final ExternalLoggingSettings settings;
    private final LoggerContext context;
    private final Appender<ILoggingEvent> appender;
    private final String unreachable;
    private final AtomicLong dropped = new AtomicLong();

    private ExternalLogging(ExternalLoggingSettings settings, LoggerContext context, String unreachable) {
        this.settings = settings;
        this.context = context;
        this.unreachable = unreachable;
        this.appender = build(settings, context, hostname(), new DropCounter(dropped));
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

    /** How many times the start-up could not reach the receiver: 0 or 1 (for {@code bangui_external_logging_init_failures}). */
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

    private static Appender<ILoggingEvent> build(ExternalLoggingSettings settings, LoggerContext context,
                                                 String hostname, DropCounter counter) {
        if (settings.mode() == Mode.SYSLOG && settings.protocol() != Protocol.UDP) {
            LogstashTcpSocketAppender tcp = new LogstashTcpSocketAppender();
            tcp.setContext(context);
            tcp.setName(APPENDER_NAME);
            tcp.addDestination(settings.host() + ":" + settings.port());
            OctetCountingEncoder encoder = new OctetCountingEncoder(new Rfc5424Layout(hostname));
            encoder.setContext(context);
            encoder.start();
            tcp.setEncoder(encoder);
            if (settings.protocol() == Protocol.TLS) {
                tcp.setSocketFactory(VerifyingTlsSockets.withJvmTrustStore());
            }
            tcp.setConnectionTimeout(Duration.buildByMilliseconds(TIMEOUT_MILLIS));
            tcp.setReconnectionDelay(Duration.buildBySeconds(2));
            tcp.setShutdownGracePeriod(Duration.buildBySeconds(2));
            tcp.addListener(counter);
            // its default prints connection warnings to stdout, between the JSON lines
            tcp.setAddDefaultStatusListener(false);
            tcp.start();
            return tcp;
        }
        Appender<ILoggingEvent> sender = settings.mode() == Mode.GELF ? gelf(settings, context, hostname)
                : syslogUdp(settings, context, hostname);
        // these appenders report a failed send only as an error status of their own
        context.getStatusManager().add(status -> {
            if (status.getLevel() == Status.ERROR && status.getOrigin() == sender) {
                counter.dropped().incrementAndGet();
            }
        });
        LoggingEventAsyncDisruptorAppender async = new LoggingEventAsyncDisruptorAppender();
        async.setContext(context);
        async.setName(APPENDER_NAME);
        async.addAppender(sender);
        async.setShutdownGracePeriod(Duration.buildBySeconds(2));
        async.addListener(counter);
        async.setAddDefaultStatusListener(false);
        async.start();
        return async;
    }

    private static Appender<ILoggingEvent> gelf(ExternalLoggingSettings settings, LoggerContext context,
                                                String hostname) {
        GelfEncoder encoder = new GelfEncoder();
        encoder.setContext(context);
        encoder.setOriginHost(hostname);
        encoder.setIncludeMdcData(true);
        encoder.setIncludeLevelName(true);
        encoder.addStaticField("app_name", Rfc5424Layout.APP_NAME);
        encoder.addFieldMapper((ILoggingEvent event, BiConsumer<String, Object> fields) ->
                fields.accept(LogEvents.FIELD, LogEvents.of(event)));
        encoder.start();
        AbstractGelfAppender gelf = switch (settings.protocol()) {
            case UDP -> new GelfUdpAppender();
            case TCP -> tcp(new GelfTcpAppender());
            case TLS -> tcp(new GelfTcpTlsAppender());
        };
        gelf.setContext(context);
        gelf.setName(APPENDER_NAME + "-gelf");
        gelf.setGraylogHost(settings.host());
        gelf.setGraylogPort(settings.port());
        gelf.setEncoder(encoder);
        gelf.start();
        return gelf;
    }

    private static GelfTcpAppender tcp(GelfTcpAppender appender) {
        appender.setConnectTimeout(TIMEOUT_MILLIS);
        appender.setSocketTimeout(TIMEOUT_MILLIS);
        appender.setMaxRetries(1);
        appender.setRetryDelay(100);
        return appender;
    }

    private static Appender<ILoggingEvent> syslogUdp(ExternalLoggingSettings settings, LoggerContext context,
                                                     String hostname) {
        Rfc5424UdpAppender udp = new Rfc5424UdpAppender(new Rfc5424Layout(hostname));
        udp.setContext(context);
        udp.setName(APPENDER_NAME + "-syslog");
        udp.setSyslogHost(settings.host());
        udp.setPort(settings.port());
        udp.start();
        return udp;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }

    /** Counts the lines the appender lost. */
    private record DropCounter(AtomicLong dropped) implements TcpAppenderListener<ILoggingEvent> {

        @Override
        public void eventAppendFailed(Appender<ILoggingEvent> appender, ILoggingEvent event, Throwable reason) {
            dropped.incrementAndGet();
        }

        @Override
        public void eventSendFailure(Appender<ILoggingEvent> appender, ILoggingEvent event, Throwable reason) {
            dropped.incrementAndGet();
        }
    }
}
