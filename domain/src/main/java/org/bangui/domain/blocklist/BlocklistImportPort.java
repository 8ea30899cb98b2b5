package org.bangui.domain.blocklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The import log. At most one import of a source is running at a time: {@link #start} is atomic with that
 * check. Every method throws {@link BlocklistStoreException} when the store fails.
 */
public interface BlocklistImportPort {

    /**
     * Records a running import of the source.
     *
     * @param instance the instance that runs it; empty for an import asked for through the API, which the
     *                 leader {@link #claim claims}
     * @throws ImportRunningException if an import of the source is running
     */
    BlocklistImport start(BlocklistSource source, String trigger, Optional<String> instance, Instant at);

    /** Imports asked for and not yet claimed, oldest first; never null. */
    List<BlocklistImport> unclaimed();

    /** Claims an unclaimed import for {@code instance}; false if another instance claimed it first. */
    boolean claim(long id, String instance);

    /** Records the figures so far of a running import. */
    void progress(long id, ImportCounts counts, boolean notModified, List<InvalidLine> samples);

    /** Ends a running import; an import that already ended is left as it is. */
    void finish(long id, ImportStatus status, Instant at, ImportCounts counts, boolean notModified,
                List<InvalidLine> samples, Optional<String> error);

    /**
     * Ends as {@link ImportStatus#INTERRUPTED} every claimed running import, at {@code at}: called by the leader
     * before it runs any, when none of them can be going (imports run one at a time; those of other instances
     * died or lost the scheduler lock, one of its own was left by a run that failed to record its end).
     *
     * @return the sources whose import was interrupted
     */
    List<Long> interruptClaimed(Instant at);

    /** One import. */
    Optional<BlocklistImport> find(long id);

    /** Imports newest first, of one source or all, at most {@code limit}, with ids below {@code beforeId}. */
    List<BlocklistImport> list(OptionalLong sourceId, int limit, OptionalLong beforeId);

    /** The newest ended import of the source with this status. */
    Optional<BlocklistImport> latest(long sourceId, ImportStatus status);
}
