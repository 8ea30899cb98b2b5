package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code ban_event}; times are epoch milliseconds. */
@MappedEntity("ban_event")
record BanEventRow(@Id @GeneratedValue @Nullable Long id, String type, String jail, String ip, long occurredAt) {
}
