package org.bangui.adapters.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.JailSettings;
import org.bangui.domain.shared.InvalidInputException;

/** {@link JailControlPort} over fail2ban's {@code status}, {@code get}, {@code start}, {@code stop} and idle. */
public final class Fail2banJailAdapter implements JailControlPort {

    private static final System.Logger LOG = System.getLogger(Fail2banJailAdapter.class.getName());

    private final Fail2banCommands commands;

    public Fail2banJailAdapter(Fail2banClient client) {
        this.commands = new Fail2banCommands(client);
    }

    @Override
    public List<JailName> jailNames() {
        List<String> raw = Fail2banCommands.parse(() -> Replies.jailList(commands.forServer(List.of("status"))));
        List<JailName> names = new ArrayList<>(raw.size());
        for (String name : raw) {
            try {
                names.add(JailName.of(name));
            } catch (InvalidInputException e) {
                // a name outside the allow-list cannot be used safely in later commands
                LOG.log(System.Logger.Level.WARNING, "jail_ignored: ignoring jail with an unsupported name: {0}", name);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public JailCounters counters(JailName jail) {
        Object status = commands.forJail(jail, List.of("status", jail.value(), "short"));
        return Fail2banCommands.parse(() -> Replies.counters(status));
    }

    @Override
    public JailConfiguration configuration(JailName jail) {
        Object banTime = get(jail, "bantime");
        Object findTime = get(jail, "findtime");
        Object maxRetry = get(jail, "maxretry");
        Object logPaths = get(jail, "logpath");
        Object ignoreIp = get(jail, "ignoreip");
        Object actions = get(jail, "actions");
        Object failRegex = get(jail, "failregex");
        return Fail2banCommands.parse(() -> new JailConfiguration(
                BanDuration.ofFail2banSeconds(Replies.number(banTime)),
                Duration.ofSeconds(Replies.number(findTime)),
                Math.toIntExact(Replies.number(maxRetry)),
                Replies.strings(logPaths),
                Replies.strings(ignoreIp),
                Replies.strings(actions),
                Replies.strings(failRegex)));
    }

    private Object get(JailName jail, String key) {
        return commands.forJail(jail, List.of("get", jail.value(), key));
    }

    @Override
    public void start(JailName jail) {
        commands.change(jail, List.of("start", jail.value()), reply -> reply);
    }

    @Override
    public void stop(JailName jail) {
        // always with the jail name: a bare "stop" ends the whole server
        commands.change(jail, List.of("stop", jail.value()), reply -> reply);
    }

    @Override
    public boolean setIdle(JailName jail, boolean idle) {
        return commands.change(jail, List.of("set", jail.value(), "idle", idle ? "on" : "off"), Replies::bool);
    }

    @Override
    public void setSettings(JailName jail, JailSettings settings) {
        // integers only: fail2ban evaluates time values it receives as text
        settings.bantime().ifPresent(v -> commands.change(jail, List.of("set", jail.value(), "bantime",
                Long.toString(v)), reply -> reply));
        settings.findtime().ifPresent(v -> commands.change(jail, List.of("set", jail.value(), "findtime",
                Long.toString(v)), reply -> reply));
        settings.maxretry().ifPresent(v -> commands.change(jail, List.of("set", jail.value(), "maxretry",
                Integer.toString(v)), reply -> reply));
    }

    @Override
    public List<String> addIgnoreIp(JailName jail, String entry) {
        return commands.change(jail, List.of("set", jail.value(), "addignoreip", entry), Replies::strings);
    }

    @Override
    public List<String> removeIgnoreIp(JailName jail, String entry) {
        return commands.change(jail, List.of("set", jail.value(), "delignoreip", entry), Replies::strings);
    }
}
