package org.bangui.application.blocklist;

import java.util.List;
import java.util.Objects;
import org.bangui.application.audit.Actor;
import org.bangui.domain.blocklist.BlocklistSource;

/** Creating, reading and changing blocklist sources. Every change is audited. */
public interface ManageBlocklistsUseCase {

    /** Every source, by id. */
    List<BlocklistSource> list();

    /** @throws org.bangui.domain.blocklist.UnknownBlocklistException if there is no such source */
    BlocklistSource get(long id);

    /**
     * Creates a source; an enabled one is imported at once.
     *
     * @throws org.bangui.domain.shared.InvalidInputException for an invalid name, url or schedule
     * @throws org.bangui.domain.jail.UnknownJailException (422) if fail2ban has no such jail
     * @throws org.bangui.domain.blocklist.BlocklistNameTakenException if the name is taken
     */
    BlocklistSource create(BlocklistCommand command);

    /** Replaces a source's settings; the same failures as {@link #create}, and unknown_blocklist. */
    BlocklistSource update(long id, BlocklistCommand command);

    /**
     * The settings of a source as the API sends them, unparsed.
     *
     * @param schedule a duration ({@code 6h}) or a 5-field cron expression
     */
    record BlocklistCommand(Actor actor, String name, String url, String jail, boolean enabled, String schedule) {

        /** @throws NullPointerException if the actor is null */
        public BlocklistCommand {
            Objects.requireNonNull(actor, "actor");
        }
    }
}
