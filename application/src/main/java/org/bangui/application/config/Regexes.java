package org.bangui.application.config;

import java.util.ArrayList;
import java.util.List;
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
record Regexes(List<String> failregex, List<String> ignoreregex) {

    static final Regexes NONE = new Regexes(List.of(), List.of());

    Regexes {
        failregex = List.copyOf(failregex);
        ignoreregex = List.copyOf(ignoreregex);
    }

    boolean isEmpty() {
        return failregex.isEmpty() && ignoreregex.isEmpty();
    }

    /** One jail's regexes, as its filter and parameters give them. */
    static Regexes ofJail(ConfigSnapshot snapshot, ConfigName jail) {
        return snapshot.jail(jail).flatMap(JailConfig::effective)
                .map(e -> new Regexes(e.failregex(), e.ignoreregex())).orElse(NONE);
    }

    /** A filter's own regexes and those of every jail that uses it (with its parameters). */
    static Regexes ofFilter(ConfigSnapshot snapshot, ConfigName filter) {
        List<String> fail = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        snapshot.filter(filter).map(DefinitionConfig::regexes).ifPresent(r -> {
            fail.addAll(r.getOrDefault("failregex", List.of()));
            ignore.addAll(r.getOrDefault("ignoreregex", List.of()));
        });
        for (JailSummary jail : snapshot.jails()) {
            if (baseName(jail.filter()).equals(filter.value())) {
                snapshot.jail(jail.name()).flatMap(JailConfig::effective).ifPresent(e -> add(e, fail, ignore));
            }
        }
        return new Regexes(fail, ignore);
    }

    /** The regexes of every enabled jail: what a full reload compiles. */
    static Regexes ofEnabledJails(ConfigSnapshot snapshot) {
        List<String> fail = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        for (JailSummary jail : snapshot.jails()) {
            if (jail.enabled()) {
                snapshot.jail(jail.name()).flatMap(JailConfig::effective).ifPresent(e -> add(e, fail, ignore));
            }
        }
        return new Regexes(fail, ignore);
    }

    /** {@code sshd} of {@code sshd[mode=aggressive]}. */
    static String baseName(String filter) {
        int bracket = filter.indexOf('[');
        return (bracket < 0 ? filter : filter.substring(0, bracket)).strip();
    }

    private static void add(EffectiveJail effective, List<String> fail, List<String> ignore) {
        fail.addAll(effective.failregex());
        ignore.addAll(effective.ignoreregex());
    }
}
