package org.bangui.bootstrap;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * With {@code bangui.management.port} set, the server gets two listeners: the main one (BanGUI's API and UI, on
 * {@code bangui.host}:{@code bangui.port}) and the management one, bound to {@code bangui.management.host}, that
 * serves only the routes of the management endpoints. Micronaut's own second listener would bind the main host,
 * which may be public; this one binds the management host. {@link ManagementRoutes} moves the endpoints'
 * routes to the port.
 */
@Singleton
class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    private static final System.Logger LOG = System.getLogger(ManagementListener.class.getName());

    private final ManagementConfig management;

    ManagementListener(ManagementConfig management) {
        this.management = management;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        if (management.port().isEmpty() || server.getListeners() != null) {
            return server;
        }
        NettyListenerConfiguration main = new NettyListenerConfiguration("main");
        main.setFamily(NettyListenerConfiguration.Family.TCP);
        main.setHost(server.getHost().orElse(null));
        main.setPort(server.getPort().orElse(-1));
        NettyListenerConfiguration endpoints = new NettyListenerConfiguration("management");
        endpoints.setFamily(NettyListenerConfiguration.Family.TCP);
        endpoints.setHost(management.host());
        endpoints.setPort(management.port().getAsInt());
        endpoints.setExposeDefaultRoutes(false); // the management endpoints only, never the API or the UI
        endpoints.setSupportGracefulShutdown(false);
        server.setListeners(List.of(main, endpoints)); // the main listener first: it is the server's port
        if (management.everyAddress()) {
            LOG.log(System.Logger.Level.WARNING, "management_port_on_every_address host={0} port={1,number,#}: "
                    + "/prometheus answers without a token on every network of this host; set "
                    + "BANGUI_MANAGEMENT_HOST to loopback or a private address", management.host(),
                    management.port().getAsInt());
        }
        return server;
    }
}
