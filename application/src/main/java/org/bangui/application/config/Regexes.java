package org.bangui.application.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.config.ConfigCheckPort;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.EffectiveJail;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;

/**
 * The regexes a change affects, to be compiled as fail2ban compiles them: fail2ban's own test does not, and a
 * regex that does not compile takes the jail (or, on a full reload, every jail) down at the next reload.
 */
record Regexes(List<Set> sets) {

    static final Regexes NONE = new Regexes(List.of());

    /**
     * The regexes of one filter as one jail (or the filter alone) uses them: the failregexes are compiled after
     * the prefix regex, which may hold the failure-id group they lack.
     */
    record Set(Optional<String> prefregex, List<String> failregex, List<String> ignoreregex) {
        Set {
            failregex = List.copyOf(failregex);
            ignoreregex = List.copyOf(ignoreregex);
        }
    }

    Regexes {
        sets = List.copyOf(sets);
    }

    boolean isEmpty() {
        return sets.isEmpty();
    }

    /** Compiles every distinct set (jails sharing a filter share one); the first that fails throws. */
    void compile(ConfigCheckPort check) {
        for (Set set : new LinkedHashSet<>(sets)) {
            check.compile(set.prefregex(), set.failregex(), set.ignoreregex());
        }
    }

    /** One jail's regexes, as its filter and parameters give them. */
    static Regexes ofJail(ConfigSnapshot snapshot, ConfigName jail) {
        return snapshot.jail(jail).flatMap(JailConfig::effective)
                .map(e -> new Regexes(List.of(of(e)))).orElse(NONE);
    }

    /** A filter's own regexes and those of every jail that uses it (with its parameters). */
    static Regexes ofFilter(ConfigSnapshot snapshot, ConfigName filter) {
        List<Set> sets = new ArrayList<>();
        snapshot.filter(filter).map(DefinitionConfig::regexes).ifPresent(r -> sets.add(new Set(
                r.getOrDefault("prefregex", List.of()).stream().findFirst(),
                r.getOrDefault("failregex", List.of()), r.getOrDefault("ignoreregex", List.of()))));
        for (JailSummary jail : snapshot.jails()) {
            if (baseName(jail.filter()).equals(filter.value())) {
                snapshot.jail(jail.name()).flatMap(JailConfig::effective).ifPresent(e -> sets.add(of(e)));
            }
        }
        return new Regexes(sets);
    }

    /** The regexes of every enabled jail: what a full reload compiles. */
    static Regexes ofEnabledJails(ConfigSnapshot snapshot) {
        List<Set> sets = new ArrayList<>();
        for (JailSummary jail : snapshot.jails()) {
            if (jail.enabled()) {
                snapshot.jail(jail.name()).flatMap(JailConfig::effective).ifPresent(e -> sets.add(of(e)));
            }
        }
        return new Regexes(sets);
    }

    /** {@code sshd} of {@code sshd[mode=aggressive]}. */
    static String baseName(String filter) {
        int bracket = filter.indexOf('[');
        return (bracket < 0 ? filter : filter.substring(0, bracket)).strip();
    }

    private static Set of(EffectiveJail effective) {
        return new Set(effective.prefregex(), effective.failregex(), effective.ignoreregex());
    }
}
