package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One log line as an RFC 5424 syslog message: facility daemon, {@code APP-NAME} {@code bangui}, the process id,
 * the event name as {@code MSGID}, and the request id and session hash as structured data
 * {@code [bangui@32473 request_id="..." session="..."]} (32473 is the example enterprise number of RFC 5612:
 * BanGUI has none of its own).
 */
public class Rfc5424Layout extends LayoutBase<ILoggingEvent> {

    static final String APP_NAME = "bangui";
    static final String SD_ID = "bangui@32473";
    private static final int FACILITY_DAEMON = 3;

    private final String hostname;
    private final String procId = Long.toString(ProcessHandle.current().pid());

    /** @param hostname this machine's name as the receiver should show it; printable ASCII */
    public Rfc5424Layout(String hostname) {
        this.hostname = printable(hostname, 255);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append('<').append(FACILITY_DAEMON * 8 + severity(event.getLevel())).append(">1 ")
                .append(Instant.ofEpochMilli(event.getTimeStamp()).truncatedTo(ChronoUnit.MILLIS)).append(' ')
                .append(hostname).append(' ').append(APP_NAME).append(' ').append(procId).append(' ')
                .append(printable(LogEvents.of(event), 32)).append(' ');
        appendStructuredData(line, event.getMDCPropertyMap());
        String message = event.getFormattedMessage();
        if (message != null && !message.isEmpty()) {
            line.append(' ').append(message);
        }
        return line.toString();
    }

    private static void appendStructuredData(StringBuilder line, Map<String, String> mdc) {
        if (mdc == null || mdc.isEmpty()) {
            line.append('-');
            return;
        }
        line.append('[').append(SD_ID);
        mdc.forEach((name, value) -> {
            String paramName = printable(name, 32).replaceAll("[=\\]\" ]", "_");
            line.append(' ').append(paramName).append("=\"").append(escape(value)).append('"');
        });
        line.append(']');
    }

    /** Syslog severity: error 3, warning 4, informational 6, debug 7. */
    static int severity(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        return level.isGreaterOrEqual(Level.INFO) ? 6 : 7;
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
    }

    private static String printable(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }
}
