package org.bangui.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.OptionalInt;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.shared.DomainException;

/**
 * The management listener: when a port is set, Micronaut's management endpoints ({@code /prometheus},
 * {@code /health}) are served on that port only, bound to {@code host}, and no longer on the main port. The host
 * must be an IP literal (never a name to resolve); BanGUI's own probes ({@code /api/v1/health/*}) stay on the
 * main port.
 *
 * @param port the management port; empty: the endpoints stay on the main port
 * @param host the address the management listener binds to
 */
record ManagementConfig(OptionalInt port, String host) {

    /** @throws IllegalArgumentException naming the setting if a value is malformed */
    static ManagementConfig from(ManagementSettings raw, int mainPort) {
        OptionalInt port = OptionalInt.empty();
        if (raw.port() != null && !raw.port().isBlank()) {
            String text = raw.port().trim();
            int value;
            try {
                value = text.matches("\\d{1,5}") ? Integer.parseInt(text) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > 65_535) {
                throw new IllegalArgumentException("bangui.management.port: '" + raw.port()
                        + "' is not a port number between 1 and 65535");
            }
            if (value == mainPort) {
                throw new IllegalArgumentException("bangui.management.port: must differ from bangui.port ("
                        + mainPort + ")");
            }
            port = OptionalInt.of(value);
        }
        String host = raw.host() == null ? "" : raw.host().trim();
        try {
            host = IpAddress.parse(host).text();
        } catch (DomainException e) {
            throw new IllegalArgumentException("bangui.management.host: '" + raw.host()
                    + "' is not an IP address (a name is not accepted)");
        }
        return new ManagementConfig(port, host);
    }

    /** The host is a wildcard ({@code 0.0.0.0}, {@code ::}): the port answers on every address of this host. */
    boolean everyAddress() {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress(); // an IP literal: nothing is resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
