package org.bangui.domain.blocklist;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.jail.JailName;

/**
 * A list to mirror into a jail.
 *
 * @param id the store's identifier
 * @param settings what the administrator chose
 * @param validators the cache validators of the last complete import, for a conditional download
 * @param fingerprint what the last complete import applied (the list's content and the jail's filter), so that
 *                    the same list read again needs no diff; empty when unknown
 * @param nextImportAt when the next scheduled import is due; empty while disabled
 * @param createdAt when it was created
 * @param updatedAt when its settings last changed
 */
public record BlocklistSource(long id, SourceSettings settings, CacheValidators validators,
                              Optional<String> fingerprint,
                              Optional<Instant> nextImportAt, Instant createdAt, Instant updatedAt) {

    /** @throws NullPointerException if a component is null */
    public BlocklistSource {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(nextImportAt, "nextImportAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return settings.name();
    }

    public URI url() {
        return settings.url();
    }

    public JailName jail() {
        return settings.jail();
    }

    public boolean enabled() {
        return settings.enabled();
    }
}
