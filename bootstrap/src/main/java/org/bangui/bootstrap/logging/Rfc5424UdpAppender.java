package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;

/** Logback's syslog appender (one datagram per line) with RFC 5424 lines instead of its RFC 3164 ones. */
public class Rfc5424UdpAppender extends SyslogAppender {

    private final Rfc5424Layout layout;

    public Rfc5424UdpAppender(Rfc5424Layout layout) {
        this.layout = layout;
        setFacility("DAEMON");
        setThrowableExcluded(true);
    }

    @Override
    public Layout<ILoggingEvent> buildLayout() {
        return layout;
    }
}
