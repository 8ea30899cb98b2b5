package org.bangui.adapters.web;

import io.micronaut.serde.annotation.Serdeable;
import org.bangui.domain.session.Session;

/** A session as clients see it: never a token or a hash. */
@Serdeable
public record SessionView(String id, String createdAt, String lastSeenAt, String expiresAt, String absoluteExpiresAt,
                          String clientIp, String userAgent, boolean current) {

    static SessionView of(Session s, boolean current) {
        return new SessionView(s.id().value(), s.createdAt().toString(), s.lastSeenAt().toString(),
                s.expiresAt().toString(), s.absoluteExpiresAt().toString(), s.clientIp(), s.userAgent(), current);
    }
}
