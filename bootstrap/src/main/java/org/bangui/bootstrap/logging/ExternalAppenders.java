package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import de.siegmar.logbackgelf.AbstractGelfAppender;
import de.siegmar.logbackgelf.GelfEncoder;
import de.siegmar.logbackgelf.GelfTcpAppender;
import de.siegmar.logbackgelf.GelfTcpTlsAppender;
import de.siegmar.logbackgelf.GelfUdpAppender;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
import net.logstash.logback.appender.listener.TcpAppenderListener;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Mode;
import org.bangui.bootstrap.logging.ExternalLoggingSettings.Protocol;

/**
 * Builds the started appender for the settings: always asynchronous (logstash-logback-encoder's ring buffer,
 * 8192 lines, dropping when full), counting the lines it loses.
 */
final class ExternalAppenders {

    private ExternalAppenders() {
    }

    /** The started appender; {@code dropped} counts the lines it loses. */
    static Appender<ILoggingEvent> build(ExternalLoggingSettings settings, LoggerContext context,
                                         AtomicLong dropped) {
        String hostname = hostname();
        DropCounter counter = new DropCounter(dropped);
        if (settings.mode() == Mode.SYSLOG && settings.protocol() != Protocol.UDP) {
            LogstashTcpSocketAppender tcp = new LogstashTcpSocketAppender();
            tcp.setContext(context);
            tcp.setName(ExternalLogging.APPENDER_NAME);
            tcp.addDestination(settings.host() + ":" + settings.port());
            OctetCountingEncoder encoder = new OctetCountingEncoder(new Rfc5424Layout(hostname));
            encoder.setContext(context);
            encoder.start();
            tcp.setEncoder(encoder);
            if (settings.protocol() == Protocol.TLS) {
                tcp.setSocketFactory(VerifyingTlsSockets.withJvmTrustStore());
            }
            tcp.setConnectionTimeout(Duration.buildByMilliseconds(ExternalLogging.TIMEOUT_MILLIS));
            tcp.setReconnectionDelay(Duration.buildBySeconds(2));
            tcp.setShutdownGracePeriod(Duration.buildBySeconds(2));
            tcp.addListener(counter);
            tcp.addFilter(localOnlyStays());
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
        async.setName(ExternalLogging.APPENDER_NAME);
        async.addAppender(sender);
        async.setShutdownGracePeriod(Duration.buildBySeconds(2));
        async.addListener(counter);
        async.addFilter(localOnlyStays());
        async.setAddDefaultStatusListener(false);
        async.start();
        return async;
    }

    /** Keeps the lines of {@link ExternalLogging#LOCAL_ONLY_LOGGER} off the receiver. */
    private static Filter<ILoggingEvent> localOnlyStays() {
        Filter<ILoggingEvent> filter = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return ExternalLogging.LOCAL_ONLY_LOGGER.equals(event.getLoggerName()) ? FilterReply.DENY
                        : FilterReply.NEUTRAL;
            }
        };
        filter.start();
        return filter;
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
        gelf.setName(ExternalLogging.APPENDER_NAME + "-gelf");
        gelf.setGraylogHost(settings.host());
        gelf.setGraylogPort(settings.port());
        gelf.setEncoder(encoder);
        gelf.start();
        return gelf;
    }

    private static GelfTcpAppender tcp(GelfTcpAppender appender) {
        appender.setConnectTimeout(ExternalLogging.TIMEOUT_MILLIS);
        appender.setSocketTimeout(ExternalLogging.TIMEOUT_MILLIS);
        appender.setMaxRetries(1);
        appender.setRetryDelay(100);
        return appender;
    }

    private static Appender<ILoggingEvent> syslogUdp(ExternalLoggingSettings settings, LoggerContext context,
                                                     String hostname) {
        Rfc5424UdpAppender udp = new Rfc5424UdpAppender(new Rfc5424Layout(hostname));
        udp.setContext(context);
        udp.setName(ExternalLogging.APPENDER_NAME + "-syslog");
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
