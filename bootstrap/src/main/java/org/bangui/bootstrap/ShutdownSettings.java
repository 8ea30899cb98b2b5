package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code bangui.shutdown.timeout} ({@code BANGUI_SHUTDOWN_TIMEOUT}, 25s): how long a SIGTERM waits for requests
 * and jobs to end. Micronaut's graceful-shutdown grace period is set from it in application.yml.
 */
@Context
@ConfigurationProperties("bangui.shutdown")
public record ShutdownSettings(@Bindable(defaultValue = "25s") String timeout) {

    public ShutdownSettings {
        SettingValues.duration("bangui.shutdown.timeout", timeout);
    }

    Duration timeoutDuration() {
        return SettingValues.duration("bangui.shutdown.timeout", timeout);
    }
}
