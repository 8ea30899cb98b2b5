package org.bangui.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.ban.BanEvent;
import org.bangui.domain.ban.BanHistoryPort;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerUnavailableException;

/** An in-memory fail2ban with fail2ban's own semantics, for service tests; counts the commands it receives. */
public final class FakeFail2ban implements JailControlPort, BanPort, ServerPort, BanHistoryPort {

    public final Map<JailName, List<Ban>> bans = new LinkedHashMap<>();
    public final Map<JailName, List<String>> ignoreIp = new LinkedHashMap<>();
    public final List<BanEvent> history = new ArrayList<>();
    public int commands;
    public boolean online = true;
    public Instant now = Instant.parse("2026-11-21T05:00:00Z");

    public FakeFail2ban(String... jails) {
        for (String jail : jails) {
            bans.put(JailName.of(jail), new ArrayList<>());
            ignoreIp.put(JailName.of(jail), List.of("127.0.0.1/8", "192.0.2.250"));
        }
    }

    private List<Ban> jail(JailName name) {
        command();
        List<Ban> jail = bans.get(name);
        if (jail == null) {
            throw new UnknownJailException(name);
        }
        return jail;
    }

    private void command() {
        if (!online) {
            throw new ServerUnavailableException("down", null);
        }
        commands++;
    }

    @Override
    public void ping() {
        command();
    }

    @Override
    public String version() {
        command();
        return "1.0.2";
    }

    @Override
    public ServerDatabase database() {
        command();
        return new ServerDatabase(Optional.of("/var/lib/fail2ban/fail2ban.sqlite3"),
                Optional.of(Duration.ofDays(1)));
    }

    @Override
    public List<JailName> jailNames() {
        command();
        return List.copyOf(bans.keySet());
    }

    @Override
    public JailCounters counters(JailName name) {
        int banned = jail(name).size();
        return new JailCounters(1, 2, banned, banned + 3);
    }

    @Override
    public JailConfiguration configuration(JailName name) {
        jail(name);
        return new JailConfiguration(BanDuration.of(Duration.ofMinutes(10)), Duration.ofMinutes(10), 3, List.of(),
                ignoreIp.get(name), List.of("noop"), List.of("^fail from <HOST>$"));
    }

    @Override
    public void start(JailName name) {
        jail(name);
    }

    @Override
    public void stop(JailName name) {
        jail(name);
        bans.remove(name);
    }

    @Override
    public boolean setIdle(JailName name, boolean idle) {
        jail(name);
        return idle;
    }

    @Override
    public List<Ban> activeBans(JailName name) {
        return List.copyOf(jail(name));
    }

    @Override
    public int ban(JailName name, List<IpAddress> addresses) {
        List<Ban> jail = jail(name);
        int added = 0;
        for (IpAddress address : addresses) {
            if (jail.stream().noneMatch(b -> b.address().equals(address))) {
                jail.add(new Ban(name, address, now, BanDuration.of(Duration.ofMinutes(10))));
                added++;
            }
        }
        return added;
    }

    @Override
    public boolean unban(JailName name, IpAddress address) {
        return jail(name).removeIf(b -> b.address().equals(address));
    }

    @Override
    public int unbanEverywhere(IpAddress address) {
        command();
        int removed = 0;
        for (List<Ban> jail : bans.values()) {
            removed += jail.removeIf(b -> b.address().equals(address)) ? 1 : 0;
        }
        return removed;
    }

    @Override
    public List<JailName> jailsBanning(IpAddress address) {
        command();
        return bans.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(b -> b.address().equals(address)))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public void record(List<BanEvent> events) {
        history.addAll(events);
    }

    @Override
    public List<BanEvent> eventsFor(IpAddress address, int limit) {
        return history.stream().filter(e -> e.address().equals(address)).limit(limit).toList();
    }
}
