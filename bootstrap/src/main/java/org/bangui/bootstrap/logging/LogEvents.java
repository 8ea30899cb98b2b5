package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.logstash.logback.marker.SingleFieldAppendingMarker;

/**
 * The event name of a log line. BanGUI's own lines start with it ({@code database_checkpoint_failed reason=X})
 * or carry it as a structured argument ({@code kv("event", ...)}); every other line is {@link #LIBRARY}.
 */
public final class LogEvents {

    /** The field name, in JSON lines and as the GELF additional field {@code _event}. */
    public static final String FIELD = "event";
    /** The event of a line written by a library (Micronaut, Netty, Hikari...). */
    public static final String LIBRARY = "library_log";
    /** The event of a BanGUI line that names none (there should be none; it shows them). */
    public static final String UNNAMED = "bangui_log";

    private static final String OWN_LOGGERS = "org.bangui.";
    private static final String SECURITY_LOGGERS = "bangui.";
    private static final Pattern LEADING_NAME = Pattern.compile("([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:[\\s:]|$)");

    private LogEvents() {
    }

    /** The event named by a structured argument, if the line has one, else null. */
    static String structured(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null) {
            return null;
        }
        for (Object argument : arguments) {
            if (argument instanceof SingleFieldAppendingMarker field && FIELD.equals(field.getFieldName())) {
                // kv() renders "event=<value>"; the value itself is not public
                String self = field.toStringSelf();
                return self.startsWith(FIELD + "=") ? self.substring(FIELD.length() + 1) : self;
            }
        }
        return null;
    }

    /** The line's event name: never null. */
    public static String of(ILoggingEvent event) {
        String structured = structured(event);
        if (structured != null) {
            return structured;
        }
        String logger = event.getLoggerName();
        if (logger == null || !(logger.startsWith(OWN_LOGGERS) || logger.startsWith(SECURITY_LOGGERS))) {
            return LIBRARY;
        }
        String message = event.getMessage();
        Matcher m = message == null ? null : LEADING_NAME.matcher(message);
        return m != null && m.lookingAt() ? m.group(1) : UNNAMED;
    }
}
