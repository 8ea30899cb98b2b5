package org.bangui.adapters.fail2ban;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.domain.health.ComponentProbePort;
import org.bangui.domain.health.ProbeResult;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerSettingsPort;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;

/** {@link ServerPort}, {@link ServerSettingsPort} and the {@code fail2ban} health probe. */
public final class Fail2banServerAdapter implements ServerPort, ServerSettingsPort, ComponentProbePort {

    private final Fail2banCommands commands;
    private final Fail2banClient client;

    public Fail2banServerAdapter(Fail2banClient client) {
        this.commands = new Fail2banCommands(client);
        this.client = client;
    }

    @Override
    public void ping() {
        Object reply = commands.forServer(List.of("ping"));
        if (!"pong".equals(reply)) {
            throw new ServerUnavailableException("fail2ban answered ping with " + reply, null);
        }
    }

    @Override
    public String version() {
        return String.valueOf(commands.forServer(List.of("version")));
    }

    @Override
    public ServerDatabase database() {
        Object file = commands.forServer(List.of("get", "dbfile"));
        Object purgeAge = commands.forServer(List.of("get", "dbpurgeage"));
        return Fail2banCommands.parse(() -> new ServerDatabase(
                Optional.ofNullable(file).map(String::valueOf),
                Optional.ofNullable(purgeAge).map(age -> Duration.ofSeconds(Replies.number(age)))));
    }

    @Override
    public String logLevel() {
        return String.valueOf(commands.forServer(List.of("get", "loglevel")));
    }

    @Override
    public void setLogLevel(String level) {
        commands.change(null, List.of("set", "loglevel", level), reply -> reply);
    }

    @Override
    public long dbPurgeAge() {
        Object age = commands.forServer(List.of("get", "dbpurgeage"));
        return Fail2banCommands.parse(() -> Replies.number(age));
    }

    @Override
    public void setDbPurgeAge(long seconds) {
        commands.change(null, List.of("set", "dbpurgeage", Long.toString(seconds)), reply -> reply);
    }

    @Override
    public String component() {
        return "fail2ban";
    }

    /** The probe is public: its detail is a short reason, never a path or a raw error message. */
    @Override
    public ProbeResult probe() {
        try {
            ping();
            return ProbeResult.up("answers");
        } catch (DomainException e) {
            return ProbeResult.down(reason(e.getMessage()));
        }
    }

    static String reason(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith(Fail2banClient.UNAVAILABLE)) {
            return text.substring(Fail2banClient.UNAVAILABLE.length());
        }
        if (text.contains("busy")) {
            return "no answer in time";
        }
        return "unreachable";
    }
}
