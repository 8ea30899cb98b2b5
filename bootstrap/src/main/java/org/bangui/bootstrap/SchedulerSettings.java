package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code bangui.scheduler.*} settings as bound, raw input only: {@link JobsConfig} holds them parsed.
 *
 * @param enabled {@code BANGUI_SCHEDULER_ENABLED}: false makes an API-only instance that never takes the lock
 * @param heartbeat {@code BANGUI_SCHEDULER_HEARTBEAT}: how often the lock is renewed or tried
 * @param lockTtl {@code BANGUI_SCHEDULER_LOCK_TTL}: a lock without heartbeat for this long is taken over; at
 *                least three heartbeats
 */
@Context
@ConfigurationProperties("bangui.scheduler")
public record SchedulerSettings(@Bindable(defaultValue = "true") String enabled,
                                @Bindable(defaultValue = "5s") String heartbeat,
                                @Bindable(defaultValue = "60s") String lockTtl) {
}
