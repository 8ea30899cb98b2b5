package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code bangui.shutdown.timeout} ({@code BANGUI_SHUTDOWN_TIMEOUT}, 25s): how long a SIGTERM waits for requests
 * and jobs to end; raw input, parsed in {@link JobsConfig}. Micronaut's graceful-shutdown grace period is set from it
 * in application.yml.
 */
@Context
@ConfigurationProperties("bangui.shutdown")
public record ShutdownSettings(@Bindable(defaultValue = "25s") String timeout) {
}
