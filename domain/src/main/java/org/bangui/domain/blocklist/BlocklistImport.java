package org.bangui.domain.blocklist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One import of a source, as the import log keeps it.
 *
 * @param id the log's identifier
 * @param sourceId the source (which may be deleted since)
 * @param sourceName its name at the time
 * @param trigger {@code schedule}, {@code manual} or {@code resume}
 * @param status where it stands
 * @param startedAt when it started, or was asked for
 * @param finishedAt when it ended; empty while running
 * @param notModified the server answered 304: the list was not downloaded again
 * @param counts its figures so far
 * @param invalidSamples up to 20 invalid lines
 * @param error why it failed or stopped, printable; empty if it did not
 */
public record BlocklistImport(long id, long sourceId, String sourceName, String trigger, ImportStatus status,
                              Instant startedAt, Optional<Instant> finishedAt, boolean notModified,
                              ImportCounts counts, List<InvalidLine> invalidSamples, Optional<String> error) {

    /** @throws NullPointerException if a component is null */
    public BlocklistImport {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(counts, "counts");
        invalidSamples = List.copyOf(invalidSamples);
        Objects.requireNonNull(error, "error");
    }
}
