package org.bangui.application.blocklist;

import java.util.List;
import java.util.OptionalLong;
import org.bangui.application.audit.Actor;
import org.bangui.domain.blocklist.BlocklistImport;

/** Imports on request, dry runs, deletion (which releases what the source banned) and the import log. */
public interface ImportBlocklistUseCase {

    /** The most imports one page lists. */
    int MAX_LIMIT = 200;

    /**
     * Asks for an import of the source now; the scheduler's leader runs it within moments.
     *
     * @return the import's id
     * @throws org.bangui.domain.blocklist.UnknownBlocklistException if there is no such source
     * @throws org.bangui.domain.blocklist.ImportRunningException if an import of it is running
     */
    long requestImport(long sourceId, Actor actor);

    /**
     * Deletes the source: it disappears at once, and the leader then unbans what it alone banned.
     *
     * @return the id of the release, in the import log
     * @throws org.bangui.domain.blocklist.ImportRunningException if an import of it is running
     */
    long delete(long sourceId, Actor actor);

    /** What an import would do now; downloads the list and changes nothing. */
    BlocklistPreview preview(long sourceId);

    /**
     * Imports newest first.
     *
     * @throws org.bangui.domain.shared.InvalidInputException if the limit is outside 1..{@value #MAX_LIMIT}
     */
    List<BlocklistImport> imports(OptionalLong sourceId, int limit, OptionalLong beforeId);

    /** @throws org.bangui.domain.blocklist.UnknownBlocklistException (unknown_import) if there is no such import */
    BlocklistImport importRun(long id);
}
