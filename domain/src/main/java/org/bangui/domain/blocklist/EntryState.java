package org.bangui.domain.blocklist;

/**
 * What a source knows of one of its entries in a jail. The two pending states are written before the command
 * is sent and replaced after it succeeded, so that an import cut short by a crash is finished by the next one.
 */
public enum EntryState {
    /** About to be banned by this source: fail2ban may or may not hold it. */
    BANNING(0),
    /** Held, and banned by a blocklist: released (unbanned) when the last source holding it drops it. */
    BANNED(1),
    /** Held, but it was banned already when this source listed it (log lines, a manual ban): never unbanned. */
    EXTERNAL(2),
    /** About to be unbanned by this source. */
    UNBANNING(3);

    private final int code;

    EntryState(int code) {
        this.code = code;
    }

    /** The stored code. */
    public int code() {
        return code;
    }

    /** The state of a stored code. @throws IllegalArgumentException for an unknown code */
    public static EntryState of(int code) {
        for (EntryState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown entry state " + code);
    }
}
