package org.bangui.application.blocklist;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.blocklist.BlocklistImport;
import org.bangui.domain.blocklist.BlocklistImportPort;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistSourcePort;
import org.bangui.domain.blocklist.UnknownBlocklistException;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Imports and deletions on request: each is recorded in the import log as a running import that the scheduler's
 * leader claims (atomic with the one-running-import-per-source check), so that a request reaching any instance is
 * run once, by the leader, and drained like every job. Dry runs run in the request.
 */
public final class BlocklistImportService implements ImportBlocklistUseCase {

    private final BlocklistSourcePort sources;
    private final BlocklistImportPort log;
    private final BlocklistImporter importer;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private final Runnable wake;

    public BlocklistImportService(BlocklistSourcePort sources, BlocklistImportPort log, BlocklistImporter importer,
                                  RecordAuditUseCase audit, Clock clock, Runnable wake) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.log = Objects.requireNonNull(log, "log");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    @Override
    public long requestImport(long sourceId, Actor actor) {
        long id = audit.recordOutcome(actor, AuditAction.BLOCKLIST_IMPORT, "id=" + sourceId, () -> {
            BlocklistSource source = sources.find(sourceId).orElseThrow(UnknownBlocklistException::source);
            return log.start(source, "manual", Optional.empty(), clock.instant()).id();
        });
        wake.run();
        return id;
    }

    @Override
    public long delete(long sourceId, Actor actor) {
        long id = audit.recordOutcome(actor, AuditAction.BLOCKLIST_DELETE, "id=" + sourceId, () -> {
            BlocklistSource source = sources.find(sourceId).orElseThrow(UnknownBlocklistException::source);
            // the release is an import of its own: taking its slot first refuses a delete while an import runs
            long release = log.start(source, "delete", Optional.empty(), clock.instant()).id();
            sources.markDeleted(sourceId, clock.instant());
            return release;
        });
        wake.run();
        return id;
    }

    @Override
    public BlocklistPreview preview(long sourceId) {
        return importer.preview(sources.find(sourceId).orElseThrow(UnknownBlocklistException::source));
    }

    @Override
    public List<BlocklistImport> imports(OptionalLong sourceId, int limit, OptionalLong beforeId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return log.list(sourceId, limit, beforeId);
    }

    @Override
    public BlocklistImport importRun(long id) {
        return log.find(id).orElseThrow(UnknownBlocklistException::importRun);
    }
}
