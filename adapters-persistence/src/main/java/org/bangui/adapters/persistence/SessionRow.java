package org.bangui.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code login_session}; times are epoch milliseconds. */
@MappedEntity("login_session")
record SessionRow(@Id String id, String tokenHash, String csrfHash, long createdAt, long lastSeenAt,
                  long idleExpiresAt, long absoluteExpiresAt, String clientIp, String userAgent) {
}
