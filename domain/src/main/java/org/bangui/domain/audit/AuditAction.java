package org.bangui.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** What an audited request did. Later capabilities add their actions here. */
public enum AuditAction {
    SETUP, LOGIN, LOGOUT, SESSION_REVOKE, SESSION_EXPIRE, BAN, UNBAN, UNBAN_ALL, JAIL_START, JAIL_STOP, JAIL_IDLE,
    JOB_RUN, BLOCKLIST_CREATE, BLOCKLIST_UPDATE, BLOCKLIST_DELETE, BLOCKLIST_IMPORT,
    CONFIG_UPDATE, CONFIG_CREATE, CONFIG_DELETE, CONFIG_REVERT, CONFIG_RELOAD, JAIL_SETTINGS, JAIL_IGNOREIP_ADD,
    JAIL_IGNOREIP_REMOVE, SERVER_SETTINGS;

    /** The lower-case name used in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #code()}; empty for anything else. */
    public static Optional<AuditAction> fromCode(String code) {
        for (AuditAction action : values()) {
            if (action.code().equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
