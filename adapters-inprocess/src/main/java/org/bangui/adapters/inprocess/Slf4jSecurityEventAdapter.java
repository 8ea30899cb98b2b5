package org.bangui.adapters.inprocess;

import static net.logstash.logback.argument.StructuredArguments.kv;

import org.bangui.domain.audit.SecurityEvent;
import org.bangui.domain.audit.SecurityEventPort;
import org.bangui.domain.session.SessionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as structured log lines on the {@code bangui.security} logger: in JSON logs each line
 * carries {@code event}, {@code session_id}, {@code client_ip} and {@code reason} fields. Events hold no
 * secrets, so nothing secret can reach the log from here.
 */
public final class Slf4jSecurityEventAdapter implements SecurityEventPort {

    private static final Logger LOG = LoggerFactory.getLogger("bangui.security");

    @Override
    public void emit(SecurityEvent event) {
        String session = event.sessionId().map(SessionId::value).orElse("");
        if (SecurityEvent.LOGIN_FAILURE.equals(event.name())) {
            LOG.warn("{} {} {} {}", kv("event", event.name()), kv("session_id", session),
                    kv("client_ip", event.clientIp()), kv("reason", event.reason()));
        } else {
            LOG.info("{} {} {} {}", kv("event", event.name()), kv("session_id", session),
                    kv("client_ip", event.clientIp()), kv("reason", event.reason()));
        }
    }
}
