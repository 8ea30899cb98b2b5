package org.bangui.adapters.fail2ban.protocol;

import java.time.Duration;
import java.util.Optional;

/**
 * Told about every command the {@link Fail2banClient} sends, for operational figures (metrics). Called on the
 * sending thread once the command ended; an implementation must be quick and must not throw.
 */
public interface CommandObserver {

    /** Observes nothing. */
    CommandObserver NONE = (verb, took, error) -> { };

    /**
     * A command ended.
     *
     * @param verb the command's {@link CommandVerb verb}: a word from a fixed set, never an address or a name
     * @param took from the wait for a turn to the decoded reply (or the failure)
     * @param error empty on success, else the kind of failure: {@code error_reply} (fail2ban refused it),
     *              {@code unavailable} (not reached, or no reply in time), {@code outcome_unknown} (sent, reply
     *              pending), {@code protocol} (an unreadable reply)
     */
    void completed(String verb, Duration took, Optional<String> error);
}
