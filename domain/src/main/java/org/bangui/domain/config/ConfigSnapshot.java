package org.bangui.domain.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** fail2ban's whole configuration, read once as fail2ban reads it. Immutable. */
public interface ConfigSnapshot {

    /** Every jail defined (every section of the jail family but {@code DEFAULT} and {@code INCLUDES}), by name. */
    List<JailSummary> jails();

    /** One jail; empty if no section defines it. */
    Optional<JailConfig> jail(ConfigName name);

    /** The names of every filter ({@code filter.d/<name>.conf} or {@code .local}), sorted. */
    List<ConfigName> filters();

    /** One filter; empty if no file defines it. */
    Optional<DefinitionConfig> filter(ConfigName name);

    /** The names of every action, sorted. */
    List<ConfigName> actions();

    /** One action; empty if no file defines it. */
    Optional<DefinitionConfig> action(ConfigName name);

    /** The {@code [DEFAULT]} keys of the jail family ({@code ignoreip}, {@code bantime.increment}, ...). */
    Map<String, ConfigValue> jailDefaults();

    /** The {@code [Definition]} keys of {@code fail2ban.conf} and its overrides ({@code loglevel}, ...). */
    Map<String, ConfigValue> server();
}
