package org.bangui.domain.net;

import java.util.Set;

/**
 * The addresses of the host fail2ban runs on (what fail2ban's {@code ignoreself} protects). Banning one of
 * them locks the administrator out of the server.
 */
public interface HostAddressesPort {

    /** The host's own addresses, loopback included; never null. Cheap enough to call per ban. */
    Set<IpAddress> ownAddresses();
}
