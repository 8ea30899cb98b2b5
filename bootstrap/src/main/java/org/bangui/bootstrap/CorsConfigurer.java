package org.bangui.bootstrap;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code BANGUI_CORS_ALLOWED_ORIGINS} into Micronaut's CORS configuration: the listed origins may call
 * the API with credentials (the session cookie), the CSRF header and a request id, and may read
 * {@code Retry-After} and {@code X-Request-Id}; an empty list disables CORS. The list is validated by
 * {@link SecurityConfig}, which refuses {@code *}.
 */
@Singleton
class CorsConfigurer implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    private final SecurityConfig settings;

    CorsConfigurer(SecurityConfig settings) {
        this.settings = settings;
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(
            BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        List<String> origins = settings.corsOrigins();
        if (origins.isEmpty()) {
            cors.setEnabled(false);
            return cors;
        }
        CorsOriginConfiguration web = new CorsOriginConfiguration();
        web.setAllowedOrigins(origins);
        web.setAllowCredentials(true);
        web.setAllowedMethods(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE));
        web.setAllowedHeaders(List.of("Content-Type", "X-CSRF-Token", "X-Request-Id"));
        // a frontend on another origin reads the throttle's wait and the id to quote when reporting a problem
        web.setExposedHeaders(List.of("Retry-After", "X-Request-Id"));
        web.setMaxAge(600L);
        cors.setEnabled(true);
        cors.setConfigurations(Map.of("web", web));
        return cors;
    }
}
