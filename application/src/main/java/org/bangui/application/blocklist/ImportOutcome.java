package org.bangui.application.blocklist;

import java.util.Objects;
import java.util.Optional;
import org.bangui.domain.blocklist.CacheValidators;
import org.bangui.domain.blocklist.ImportStatus;

/**
 * How an import ended.
 *
 * @param status succeeded, failed, partial or interrupted
 * @param validators what to send next time: the download's validators after a success, none otherwise (the
 *                   next import must read the list again to finish)
 * @param fingerprint what was applied, after a success
 * @param error why it failed or stopped
 */
record ImportOutcome(ImportStatus status, CacheValidators validators, Optional<String> fingerprint,
                     Optional<String> error) {

    ImportOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(error, "error");
    }

    static ImportOutcome succeeded(CacheValidators validators, Optional<String> fingerprint) {
        return new ImportOutcome(ImportStatus.SUCCEEDED, validators, fingerprint, Optional.empty());
    }

    static ImportOutcome ended(ImportStatus status, String error) {
        return new ImportOutcome(status, CacheValidators.NONE, Optional.empty(), Optional.of(error));
    }
}
