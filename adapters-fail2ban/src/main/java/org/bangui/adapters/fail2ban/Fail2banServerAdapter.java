package org.bangui.adapters.fail2ban;

import java.util.List;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.shared.DomainException;

/** {@link ServerPort} and the {@code fail2ban} health probe. */
public final class Fail2banServerAdapter implements ServerPort, ComponentProbePort {

    private final Fail2banCommands commands;

    public Fail2banServerAdapter(Fail2banClient client) {
        this.commands = new Fail2banCommands(client);
    }

    @Override
    public String version() {
        return String.valueOf(commands.forServer(List.of("version")));
    }

    @Override
    public String component() {
        return "fail2ban";
    }

    @Override
    public ProbeResult probe() {
        try {
            return ProbeResult.up("version " + version());
        } catch (DomainException e) {
            return ProbeResult.down(e.getMessage());
        }
    }
}
