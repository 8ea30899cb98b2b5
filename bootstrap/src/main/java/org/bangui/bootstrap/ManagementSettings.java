package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code bangui.management.port} ({@code BANGUI_MANAGEMENT_PORT}, unset) and {@code bangui.management.host}
 * ({@code BANGUI_MANAGEMENT_HOST}, 127.0.0.1): the separate listener of the management endpoints, as written;
 * parsed by {@link ManagementConfig#from}.
 */
@ConfigurationProperties("bangui.management")
public record ManagementSettings(@Nullable String port, @Bindable(defaultValue = "127.0.0.1") String host) {
}
