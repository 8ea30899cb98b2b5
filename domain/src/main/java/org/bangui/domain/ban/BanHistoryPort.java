package org.bangui.domain.ban;

import java.util.List;
import org.bangui.domain.net.IpNetwork;

/**
 * BanGUI's durable archive of ban events. Failures surface as
 * {@link org.bangui.domain.ban.BanHistoryException}.
 */
public interface BanHistoryPort {

    /** Appends events durably; returns only once they are stored. */
    void record(List<BanEvent> events);

    /** The most recent events for one address or network entry, newest first, at most {@code limit}; never null. */
    List<BanEvent> eventsFor(IpNetwork target, int limit);
}
