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
import org.bangui.domain.shared.DomainException;
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
            JailConfiguration before = jails.configuration(jail);
            jails.setSettings(jail, settings);
            if (persist) {
                try {
                    config.updateJail(actor, ConfigName.of(jail.value()), new LinkedHashMap<>(settings.asText()));
                } catch (DomainException e) {
                    jails.setSettings(jail, previous(before, settings));
                    throw e;
                }
            }
            return jails.configuration(jail);
        });
    }

    /** Adds an address or network to a running jail's ignore list and to its files. */
    public List<String> addIgnoreIp(Actor actor, JailName jail, String rawEntry) {
        String entry = entry(rawEntry);
        return audit.recordOutcome(actor, AuditAction.JAIL_IGNOREIP_ADD, jail.value() + " " + entry, () -> {
            List<String> configured = configured(jail);
            boolean wasRunning = jails.configuration(jail).ignoreIp().contains(entry);
            List<String> after = jails.addIgnoreIp(jail, entry);
            if (!configured.contains(entry)) {
                List<String> kept = new ArrayList<>(configured);
                kept.add(entry);
                try {
                    persist(actor, jail, kept);
                } catch (DomainException e) {
                    if (!wasRunning) {
                        jails.removeIgnoreIp(jail, entry);
                    }
                    throw e;
                }
            }
            return after;
        });
    }

    /** Removes an entry from a running jail's ignore list and from its files. */
    public List<String> removeIgnoreIp(Actor actor, JailName jail, String rawEntry) {
        String entry = entry(rawEntry);
        return audit.recordOutcome(actor, AuditAction.JAIL_IGNOREIP_REMOVE, jail.value() + " " + entry, () -> {
            List<String> configured = configured(jail);
            boolean running = jails.configuration(jail).ignoreIp().contains(entry);
            if (!configured.contains(entry) && !running) {
                throw new NotIgnoredException(entry);
            }
            List<String> after = jails.removeIgnoreIp(jail, entry);
            if (configured.contains(entry)) {
                List<String> kept = new ArrayList<>(configured);
                kept.remove(entry);
                try {
                    persist(actor, jail, kept);
                } catch (DomainException e) {
                    if (running) {
                        jails.addIgnoreIp(jail, entry);
                    }
                    throw e;
                }
            }
            return after;
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

    /** An address or CIDR network, in its canonical text. */
    static String entry(String raw) {
        if (raw == null || raw.length() > 64) {
            throw new InvalidInputException("invalid_entry", "give an address or a CIDR network");
        }
        try {
            return IpNetwork.parse(raw.strip()).normalized().text();
        } catch (InvalidInputException e) {
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
