package org.bangui.application.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.jail.ForgottenJails;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;
import org.bangui.domain.config.ReloadFailedException;
import org.bangui.domain.config.UnknownConfigException;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;

/**
 * Reloads fail2ban from the files and makes sure it still runs what they say. Before: fail2ban's test and every
 * regex the reload compiles (a regex that does not compile leaves a full reload with zero jails). After: every
 * enabled jail the reload covers must run, and a full reload must keep every jail that ran before and is still
 * enabled (fail2ban drops the jails a reload stream does not start). If not, the files changed since the last
 * good reload get their bytes back, fail2ban is reloaded whole, and the caller gets 502 with what failed.
 */
public final class ConfigReloadService implements ForgottenJails {

    private final ConfigService config;
    private final JailControlPort jails;
    private final RecordAuditUseCase audit;
    private final Clock clock;

    public ConfigReloadService(ConfigService config, JailControlPort jails, RecordAuditUseCase audit, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reloads one jail, or every jail. */
    public ReloadOutcome reload(Actor actor, Optional<ConfigName> jail) {
        String target = jail.map(j -> "jail " + j).orElse("all jails");
        return audit.recordOutcome(actor, AuditAction.CONFIG_RELOAD, target, () -> reloadLocked(actor, jail));
    }

    /** A jail fail2ban forgot (stopped) is started again by reloading it, if the files enable it. */
    @Override
    public void start(Actor actor, JailName jail) {
        ConfigName name = ConfigName.of(jail.value());
        JailConfig configured = config.jail(name);
        if (!configured.enabled()) {
            throw new JailDisabledException(name);
        }
        reload(actor, Optional.of(name));
    }

    private ReloadOutcome reloadLocked(Actor actor, Optional<ConfigName> jail) {
        config.lock().lock();
        try {
            Instant started = clock.instant();
            ConfigSnapshot snapshot = config.snapshot();
            jail.ifPresent(name -> snapshot.jail(name)
                    .orElseThrow(() -> new UnknownConfigException(ConfigKind.JAIL, name)));
            ConfigCheckPort check = config.check();
            check.test();
            Regexes regexes = jail.map(name -> Regexes.ofJail(snapshot, name))
                    .orElseGet(() -> Regexes.ofEnabledJails(snapshot));
            regexes.compile(check);
            Set<String> before = running();
            Set<String> expected = expected(snapshot, jail, before);
            Optional<String> failure = Optional.empty();
            List<String> down = new ArrayList<>();
            Set<String> after = Set.of();
            try {
                check.reload(jail);
            } catch (ServerUnavailableException unknown) {
                throw unknownOutcome(unknown);
            } catch (RuntimeException e) {
                failure = Optional.of(e instanceof DomainException ? e.getMessage() : "the reload did not complete");
            }
            try {
                after = running();
                down.addAll(expected);
                down.removeAll(after);
                if (failure.isEmpty() && down.isEmpty()) {
                    failure = actionsApplied(snapshot, jail, after);
                }
            } catch (ServerUnavailableException unknown) {
                throw unknownOutcome(unknown);
            }
            if (failure.isEmpty() && down.isEmpty()) {
                if (jail.isEmpty()) {
                    config.sinceGoodReload().clear();
                } else {
                    // one jail's reload tried only that jail: only its own file, if no other jail reads it, is good
                    ConfigFile own = ConfigKind.JAIL.ownFile(jail.get());
                    boolean othersReadIt = snapshot.jails().stream().filter(j -> !j.name().equals(jail.get()))
                            .flatMap(j -> snapshot.jail(j.name()).stream())
                            .anyMatch(j -> j.values().values().stream().anyMatch(v -> v.file().equals(own)));
                    if (!othersReadIt) {
                        config.sinceGoodReload().remove(own);
                    }
                }
                return new ReloadOutcome(List.copyOf(after),
                        Duration.between(started, clock.instant()).toMillis());
            }
            throw recover(actor, failure, down);
        } finally {
            config.lock().unlock();
        }
    }

    /**
     * fail2ban did not answer: whether the reload happened is unknown, so nothing is restored (restoring files
     * because fail2ban is slow would throw away good changes).
     */
    private static ServerUnavailableException unknownOutcome(ServerUnavailableException cause) {
        return new ServerUnavailableException("fail2ban did not answer during the reload (" + cause.getMessage()
                + "); nothing was restored: check the jails, then reload again", cause);
    }

    /**
     * A plain reload keeps a jail's old actions when they changed and may leave it with none (fail2ban 1.0): each
     * reloaded jail whose running actions differ from its files is restarted, then checked once more.
     */
    private Optional<String> actionsApplied(ConfigSnapshot snapshot, Optional<ConfigName> jail, Set<String> running) {
        List<String> wrong = new ArrayList<>();
        for (JailSummary summary : snapshot.jails()) {
            String name = summary.name().value();
            if (!summary.enabled() || !running.contains(name)
                    || jail.isPresent() && !jail.get().equals(summary.name())) {
                continue;
            }
            Optional<List<String>> configured = snapshot.jail(summary.name())
                    .flatMap(JailConfig::effective).map(e -> e.actions());
            if (configured.isEmpty() || sameActions(name, configured.get())) {
                continue;
            }
            try {
                config.check().restart(summary.name());
                if (!sameActions(name, configured.get())) {
                    wrong.add(name);
                }
            } catch (ServerUnavailableException unknown) {
                throw unknown;
            } catch (DomainException e) {
                wrong.add(name + " (" + e.getMessage() + ")");
            }
        }
        return wrong.isEmpty() ? Optional.empty()
                : Optional.of("jails run other actions than their files name: " + String.join(", ", wrong));
    }

    private boolean sameActions(String jail, List<String> configured) {
        return new HashSet<>(jails.configuration(JailName.of(jail)).actions())
                .equals(new HashSet<>(configured));
    }

    private ReloadFailedException recover(Actor actor, Optional<String> failure, List<String> down) {
        ConfigService.Restored restored = config.restoreLastGood(actor);
        String recovery;
        try {
            config.check().reload(Optional.empty());
            Set<String> now = running();
            List<String> stillDown = new ArrayList<>(down);
            stillDown.removeAll(now);
            recovery = stillDown.isEmpty() ? "every jail runs again"
                    : "still down after the recovery reload: " + String.join(", ", stillDown);
        } catch (RuntimeException e) {
            recovery = "the recovery reload failed too: "
                    + (e instanceof DomainException ? e.getMessage() : "it did not complete");
        }
        // most important first: a problem's detail is cut after 300 characters
        StringBuilder message = new StringBuilder("the reload ");
        message.append(down.isEmpty() ? "failed" : "left jails down: " + String.join(", ", down));
        message.append("; ").append(recovery);
        message.append(restored.files().isEmpty() ? "; no file changed through BanGUI to restore"
                : "; restored " + String.join(", ", restored.files().stream().map(ConfigFile::path).toList()));
        if (!restored.failed().isEmpty()) {
            message.append("; could not restore ")
                    .append(String.join(", ", restored.failed().stream().map(ConfigFile::path).toList()));
        }
        failure.ifPresent(f -> message.append("; fail2ban: ").append(f));
        return new ReloadFailedException(message.toString());
    }

    /** What must run after the reload: the reloaded jail if enabled, else every enabled jail and the rest. */
    private static Set<String> expected(ConfigSnapshot snapshot, Optional<ConfigName> jail, Set<String> before) {
        Set<String> enabled = new LinkedHashSet<>();
        for (JailSummary summary : snapshot.jails()) {
            if (summary.enabled()) {
                enabled.add(summary.name().value());
            }
        }
        Set<String> expected = new LinkedHashSet<>();
        if (jail.isPresent()) {
            expected.addAll(before);
            expected.remove(jail.get().value());
            if (enabled.contains(jail.get().value())) {
                expected.add(jail.get().value());
            }
        } else {
            expected.addAll(enabled);
        }
        return expected;
    }

    private Set<String> running() {
        Set<String> names = new LinkedHashSet<>();
        jails.jailNames().forEach(name -> names.add(name.value()));
        return names;
    }
}
