package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row of {@code admin_account}. */
@MappedEntity("admin_account")
record AdminAccountRow(@Id long id, String passwordHash, long createdAt, @Nullable String fail2banSocket,
                       @Nullable String fail2banConfigDir, @Nullable Long sessionLifetimeSeconds) {
}
