package org.bangui.adapters.fail2ban;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.fail2ban.protocol.ProtocolException;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/** {@link BanPort} over fail2ban's {@code banip}, {@code unbanip}, {@code unban}, {@code banned} and {@code status}. */
public final class Fail2banBanAdapter implements BanPort {

    private final Fail2banCommands commands;
    private final ZoneId serverZone;
    private final int batchSize;

    /**
     * @param serverZone the zone fail2ban formats ban times in (its host's local zone)
     * @param batchSize addresses per {@code banip} command
     */
    public Fail2banBanAdapter(Fail2banClient client, ZoneId serverZone, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.commands = new Fail2banCommands(client);
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
        this.batchSize = batchSize;
    }

    @Override
    public List<Ban> activeBans(JailName jail) {
        Object reply = commands.forJail(jail, List.of("get", jail.value(), "banip", "--with-time"));
        return Fail2banCommands.parse(() -> {
            List<String> lines = Replies.strings(reply);
            List<Ban> bans = new ArrayList<>(lines.size());
            for (String line : lines) {
                Replies.banWithTime(jail, line, serverZone).ifPresent(bans::add);
            }
            return List.copyOf(bans);
        });
    }

    @Override
    public int ban(JailName jail, List<IpNetwork> targets) {
        return inBatches(jail, "banip", targets);
    }

    @Override
    public int unban(JailName jail, List<IpNetwork> targets) {
        return inBatches(jail, "unbanip", targets);
    }

    /** {@code set J banip|unbanip T...} per batch; both answer how many targets changed. */
    private int inBatches(JailName jail, String verb, List<IpNetwork> targets) {
        long changed = 0;
        for (int from = 0; from < targets.size(); from += batchSize) {
            List<IpNetwork> batch = targets.subList(from, Math.min(targets.size(), from + batchSize));
            List<Object> command = new ArrayList<>(batch.size() + 3);
            command.add("set");
            command.add(jail.value());
            command.add(verb);
            batch.forEach(target -> command.add(target.text()));
            changed += commands.change(jail, command, reply -> Math.toIntExact(Replies.number(reply)));
        }
        return Math.toIntExact(changed);
    }

    @Override
    public List<String> bannedIds(JailName jail) {
        // the full status carries the list: a read-only command, like the short status the dashboard polls
        Object reply = commands.forJail(jail, List.of("status", jail.value()));
        return Fail2banCommands.parse(() -> Replies.bannedList(reply));
    }

    @Override
    public boolean unban(JailName jail, IpNetwork target) {
        return commands.change(jail, List.of("set", jail.value(), "unbanip", target.text()),
                reply -> Replies.number(reply) > 0);
    }

    @Override
    public int unbanEverywhere(IpNetwork target) {
        return commands.change(null, List.of("unban", target.text()),
                reply -> Math.toIntExact(Replies.number(reply)));
    }

    @Override
    public List<JailName> jailsBanning(IpNetwork target) {
        Object reply = commands.forServer(List.of("banned", target.text()));
        return Fail2banCommands.parse(() -> {
            // one list of jail names per address asked about
            if (!(reply instanceof List<?> perAddress) || perAddress.size() != 1) {
                throw new ProtocolException("expected one list of jails for one address");
            }
            List<JailName> jails = new ArrayList<>();
            for (String name : Replies.strings(perAddress.get(0))) {
                try {
                    jails.add(JailName.of(name));
                } catch (InvalidInputException unsupportedName) {
                    // not addressable through BanGUI; see Fail2banJailAdapter#jailNames
                }
            }
            return List.copyOf(jails);
        });
    }
}
