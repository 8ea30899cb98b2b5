package org.bangui.application.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.JailSettings;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Changes of a running jail that can also be kept in the files: ban time, find time and retries, and the jail's
 * ignore list. The runtime change comes first; when keeping it in the files fails, the runtime change is taken
 * back, so fail2ban and its files never disagree because of BanGUI.
 */
public final class JailTuningService {

    private final ConfigService config;
    private final JailControlPort jails;
    private final RecordAuditUseCase audit;

    public JailTuningService(ConfigService config, JailControlPort jails, RecordAuditUseCase audit) {
        this.config = Objects.requireNonNull(config, "config");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Sets runtime settings, and writes them to the jail's files too when {@code persist}. */
    public JailConfiguration setSettings(Actor actor, JailName jail, JailSettings settings, boolean persist) {
        return audit.recordOutcome(actor, AuditAction.JAIL_SETTINGS, jail.value() + " " + settings.asText(), () -> {
            config.lock().lock();
            try {
                JailConfiguration before = jails.configuration(jail);
                try {
                    jails.setSettings(jail, settings);
                    if (persist) {
                        config.updateJail(actor, ConfigName.of(jail.value()),
                                new LinkedHashMap<>(settings.asText()));
                    }
                } catch (RuntimeException e) {
                    undo(jail, before, settings, e);
                    throw e;
                }
                return jails.configuration(jail);
            } finally {
                config.lock().unlock();
            }
        });
    }

    /** Adds an address or network to a running jail's ignore list and to its files. */
    public List<String> addIgnoreIp(Actor actor, JailName jail, String rawEntry) {
        String entry = entry(rawEntry);
        return audit.recordOutcome(actor, AuditAction.JAIL_IGNOREIP_ADD, jail.value() + " " + entry, () -> {
            config.lock().lock();
            try {
                List<String> configured = configured(jail);
                boolean wasRunning = canonical(jails.configuration(jail).ignoreIp()).contains(entry);
                List<String> after = jails.addIgnoreIp(jail, entry);
                if (!canonical(configured).contains(entry)) {
                    List<String> kept = new ArrayList<>(configured);
                    kept.add(entry);
                    try {
                        persist(actor, jail, kept);
                    } catch (RuntimeException e) {
                        if (!wasRunning) {
                            quietly(() -> jails.removeIgnoreIp(jail, entry), e);
                        }
                        throw e;
                    }
                }
                return after;
            } finally {
                config.lock().unlock();
            }
        });
    }

    /** Removes an entry from a running jail's ignore list and from its files. */
    public List<String> removeIgnoreIp(Actor actor, JailName jail, String rawEntry) {
        String entry = entry(rawEntry);
        return audit.recordOutcome(actor, AuditAction.JAIL_IGNOREIP_REMOVE, jail.value() + " " + entry, () -> {
            config.lock().lock();
            try {
                List<String> configured = configured(jail);
                List<String> runningEntries = jails.configuration(jail).ignoreIp();
                // fail2ban lists and deletes entries as it holds them; the files may spell them otherwise
                List<String> runningSpellings = runningEntries.stream().filter(e -> entry.equals(canon(e))).toList();
                List<String> kept = configured.stream().filter(e -> !entry.equals(canon(e))).toList();
                if (kept.size() == configured.size() && runningSpellings.isEmpty()) {
                    throw new NotIgnoredException(entry);
                }
                List<String> after = runningEntries;
                for (String spelling : runningSpellings) {
                    after = jails.removeIgnoreIp(jail, spelling);
                }
                if (kept.size() != configured.size()) {
                    try {
                        persist(actor, jail, kept);
                    } catch (RuntimeException e) {
                        runningSpellings.forEach(s -> quietly(() -> jails.addIgnoreIp(jail, s), e));
                        throw e;
                    }
                }
                return after;
            } finally {
                config.lock().unlock();
            }
        });
    }

    private void persist(Actor actor, JailName jail, List<String> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ignoreip", String.join(" ", entries));
        config.updateJail(actor, ConfigName.of(jail.value()), values);
    }

    /** The jail's ignore list as its files give it (what fail2ban would run). */
    private List<String> configured(JailName jail) {
        JailConfig configured = config.jail(ConfigName.of(jail.value()));
        return configured.effective().map(e -> e.ignoreip()).orElseGet(() ->
                configured.values().containsKey("ignoreip")
                        ? List.of(configured.values().get("ignoreip").value().trim().split("\\s+")) : List.of());
    }

    /** Takes the runtime settings back to what they were; a failure to do so is added to {@code cause}. */
    private void undo(JailName jail, JailConfiguration before, JailSettings asked, RuntimeException cause) {
        try {
            jails.setSettings(jail, previous(before, asked));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void quietly(Runnable undo, RuntimeException cause) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static List<String> canonical(List<String> entries) {
        return entries.stream().map(JailTuningService::canon).toList();
    }

    /** An entry's canonical text when it is an address or network; hostnames and the like as they are. */
    private static String canon(String entry) {
        try {
            return IpNetwork.parse(entry.strip()).normalized().text();
        } catch (InvalidInputException notAnAddress) {
            return entry;
        }
    }

    /** An address or CIDR network, in its canonical text. */
    static String entry(String raw) {
        if (raw == null || raw.length() > 64) {
            throw new InvalidInputException("invalid_entry", "give an address or a CIDR network");
        }
        try {
            IpNetwork network = IpNetwork.parse(raw.strip()).normalized();
            if (network.prefixLength() < (network.isIpv4() ? 8 : 16)) {
                throw new InvalidInputException("too_wide", "an entry that wide would make the jail ignore "
                        + "(almost) every address; the widest allowed are /8 and /16 (IPv6)");
            }
            return network.text();
        } catch (InvalidInputException e) {
            if (e.code().equals("too_wide")) {
                throw e;
            }
            throw new InvalidInputException("invalid_entry", "give an address or a CIDR network");
        }
    }

    private static JailSettings previous(JailConfiguration before, JailSettings asked) {
        return new JailSettings(
                asked.bantime().isPresent() ? OptionalLong.of(before.banTime().seconds())
                        : OptionalLong.empty(),
                asked.findtime().isPresent() ? OptionalLong.of(before.findTime().toSeconds())
                        : OptionalLong.empty(),
                asked.maxretry().isPresent() ? OptionalInt.of(before.maxRetry())
                        : OptionalInt.empty());
    }
}
