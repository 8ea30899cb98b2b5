package org.bangui.application.ratelimit;

import java.util.Locale;

/** The kinds of request that have a rate limit of their own, besides the global per-client limit. */
public enum LimitedAction {
    /** Every request, per client address. */
    GLOBAL,
    BAN,
    UNBAN,
    JAIL_OPERATIONS,
    /** Changes of jails and server settings, reloads, reverts (the {@code config:update} bucket). */
    CONFIG_WRITES,
    /** Filter changes and filter tests (the {@code filter:*} bucket). */
    FILTERS,
    /** Action changes (the {@code action:*} bucket). */
    ACTIONS,
    BLOCKLIST_IMPORTS,
    /** Manual job runs. */
    JOBS,
    /** Failed logins per client address. */
    LOGIN_FAILURES;

    /** The bucket name used with the rate-limit port. */
    public String bucket() {
        return name().toLowerCase(Locale.ROOT);
    }
}
