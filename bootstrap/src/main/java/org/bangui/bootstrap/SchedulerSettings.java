package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code bangui.scheduler.*} settings, parsed once at start-up (a malformed value stops the service with its name).
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

    public SchedulerSettings {
        SettingValues.bool("bangui.scheduler.enabled", enabled);
        Duration beat = SettingValues.duration("bangui.scheduler.heartbeat", heartbeat);
        Duration ttl = SettingValues.duration("bangui.scheduler.lock-ttl", lockTtl);
        if (ttl.compareTo(beat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("bangui.scheduler.lock-ttl: " + lockTtl + " is shorter than three "
                    + "heartbeats (bangui.scheduler.heartbeat " + heartbeat + "); a standby would take over from a "
                    + "leader that missed a single heartbeat");
        }
    }

    boolean isEnabled() {
        return SettingValues.bool("bangui.scheduler.enabled", enabled);
    }

    Duration heartbeatDuration() {
        return SettingValues.duration("bangui.scheduler.heartbeat", heartbeat);
    }

    Duration lockTtlDuration() {
        return SettingValues.duration("bangui.scheduler.lock-ttl", lockTtl);
    }
}
