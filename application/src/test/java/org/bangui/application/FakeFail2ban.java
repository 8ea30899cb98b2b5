package org.bangui.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.contract.InMemoryHistoryArchiveFake;
import org.bangui.domain.jail.BanDuration;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.JailSettings;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.bangui.domain.server.CommandRejectedException;
import org.bangui.domain.server.ServerDatabase;
import org.bangui.domain.server.ServerPort;
import org.bangui.domain.server.ServerUnavailableException;

/** An in-memory fail2ban with fail2ban's own semantics, for service tests; counts the commands it receives. */
public final class FakeFail2ban implements JailControlPort, BanPort, ServerPort, HostAddressesPort {

    public final Map<JailName, List<Ban>> bans = new LinkedHashMap<>();
    public final Map<JailName, List<String>> ignoreIp = new LinkedHashMap<>();
    /** The ban archive the services write to. */
    public final InMemoryHistoryArchiveFake history = new InMemoryHistoryArchiveFake();
    public int commands;
    /** Calls of {@link #activeBans}: fail2ban's costly listing with every ban's time. */
    public int timedListings;
    /** How many ban commands were sent (not counting refusals before sending). */
    public int bansSent;
    /** The next state change's reply "times out" with this as its late reply; see {@link #stalled}. */
    public CompletableFuture<Object> stall;
    /** Runs when a change stalls, e.g. to take the server offline. */
    public Runnable onStall;
    /** The results that stalled changes really had, in order. */
    public final List<Object> lateResults = new ArrayList<>();
    public Set<IpAddress> ownAddresses = Set.of(IpAddress.parse("127.0.0.1"), IpAddress.parse("203.0.113.254"));
    public boolean online = true;
    public Instant now = Instant.parse("2026-11-21T05:00:00Z");
    /** Each jail's runtime ban time (fail2ban seconds), find time (seconds) and max retry. */
    public final Map<JailName, long[]> tuning = new LinkedHashMap<>();
    /** Each jail's running actions; {@code noop} for a jail not listed. */
    public final Map<JailName, List<String>> actions = new LinkedHashMap<>();
    /** The name of the next command fail2ban refuses ({@code setSettings}, {@code addIgnoreIp}...); then cleared. */
    public String refuse;

    public FakeFail2ban(String... jails) {
        for (String jail : jails) {
            run(jail);
        }
    }

    /** Starts a jail as a reload does: without bans, with the default settings. */
    public void run(String jail) {
        bans.put(JailName.of(jail), new ArrayList<>());
        ignoreIp.put(JailName.of(jail), List.of("127.0.0.1/8", "192.0.2.250"));
        tuning.put(JailName.of(jail), new long[] {600, 600, 3});
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
        long[] t = tuning.get(name);
        return new JailConfiguration(BanDuration.ofFail2banSeconds(t[0]), Duration.ofSeconds(t[1]), (int) t[2],
                List.of(), ignoreIp.get(name), actions.getOrDefault(name, List.of("noop")),
                List.of("^fail from <HOST>$"));
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
    public void setSettings(JailName name, JailSettings settings) {
        jail(name);
        refused("setSettings");
        long[] t = tuning.get(name);
        settings.bantime().ifPresent(v -> t[0] = v);
        settings.findtime().ifPresent(v -> t[1] = v);
        settings.maxretry().ifPresent(v -> t[2] = v);
    }

    @Override
    public List<String> addIgnoreIp(JailName name, String entry) {
        jail(name);
        refused("addIgnoreIp");
        List<String> after = new ArrayList<>(ignoreIp.get(name));
        if (!after.contains(entry)) {
            after.add(entry);
        }
        ignoreIp.put(name, List.copyOf(after));
        return ignoreIp.get(name);
    }

    /** fail2ban removes the entry as it holds it (the same spelling) and ignores one it does not hold. */
    @Override
    public List<String> removeIgnoreIp(JailName name, String entry) {
        jail(name);
        refused("removeIgnoreIp");
        ignoreIp.put(name, ignoreIp.get(name).stream().filter(e -> !e.equals(entry)).toList());
        return ignoreIp.get(name);
    }

    private void refused(String command) {
        if (command.equals(refuse)) {
            refuse = null;
            throw new CommandRejectedException(command + " refused");
        }
    }

    @Override
    public List<Ban> activeBans(JailName name) {
        timedListings++;
        return List.copyOf(jail(name));
    }

    @Override
    public int ban(JailName name, List<IpNetwork> targets) {
        List<Ban> jail = jail(name);
        bansSent++;
        int added = 0;
        for (IpNetwork target : targets) {
            if (jail.stream().noneMatch(b -> b.target().equals(target))) {
                jail.add(new Ban(name, target, now, BanDuration.of(Duration.ofMinutes(10))));
                added++;
            }
        }
        return stalled(added);
    }

    @Override
    public boolean unban(JailName name, IpNetwork target) {
        return stalled(jail(name).removeIf(b -> b.target().equals(target)));
    }

    @Override
    public int unban(JailName name, List<IpNetwork> targets) {
        int removed = 0;
        for (IpNetwork target : targets) {
            if (jail(name).removeIf(b -> b.target().equals(target))) {
                removed++;
            }
        }
        return stalled(removed);
    }

    @Override
    public List<String> bannedIds(JailName name) {
        return jail(name).stream().map(b -> b.target().text()).toList();
    }

    @Override
    public int unbanEverywhere(IpNetwork target) {
        command();
        int removed = 0;
        for (List<Ban> jail : bans.values()) {
            removed += jail.removeIf(b -> b.target().equals(target)) ? 1 : 0;
        }
        return stalled(removed);
    }

    /**
     * With {@link #stall} set, a state change is applied (as fail2ban does with a command it received) but its
     * reply "times out": the caller gets {@link CommandOutcomeUnknownException} whose late reply is
     * {@link #stall}, which the test completes with the real result when it likes.
     */
    private <T> T stalled(T result) {
        CompletableFuture<Object> late = stall;
        if (late == null) {
            return result;
        }
        stall = null;
        lateResults.add(result);
        if (onStall != null) {
            onStall.run();
        }
        throw new CommandOutcomeUnknownException("stalled", late);
    }

    @Override
    public List<JailName> jailsBanning(IpNetwork target) {
        command();
        return bans.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(b -> b.target().equals(target)))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public Set<IpAddress> ownAddresses() {
        return ownAddresses;
    }
}
