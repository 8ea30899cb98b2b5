package org.bangui.bootstrap;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import jakarta.inject.Singleton;

/**
 * With {@code bangui.management.port} set, the management endpoints' routes answer on that port only
 * (Micronaut's {@code endpoints.all.port}); the main port no longer has them. See {@link ManagementListener}.
 */
@Singleton
class ManagementRoutes implements BeanCreatedEventListener<EndpointDefaultConfiguration> {

    private final ManagementConfig management;

    ManagementRoutes(ManagementConfig management) {
        this.management = management;
    }

    @Override
    public EndpointDefaultConfiguration onCreated(BeanCreatedEvent<EndpointDefaultConfiguration> event) {
        EndpointDefaultConfiguration endpoints = event.getBean();
        management.port().ifPresent(endpoints::setPort);
        return endpoints;
    }
}
