package org.bangui.application.blocklist;

import java.util.List;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.InvalidLine;

/**
 * What an import would do now, computed without changing anything.
 *
 * @param counts the list's figures; {@code banned} and {@code unbanned} are what the import would send
 * @param toBan the first {@link #MAX_LISTED} entries it would ban
 * @param toUnban the first {@link #MAX_LISTED} entries it would unban (or release, in a jail it left)
 * @param invalidSamples up to 20 invalid lines
 */
public record BlocklistPreview(ImportCounts counts, List<String> toBan, List<String> toUnban,
                               List<InvalidLine> invalidSamples) {

    /** The most entries listed in {@code toBan} and {@code toUnban}. */
    public static final int MAX_LISTED = 100;

    public BlocklistPreview {
        toBan = List.copyOf(toBan);
        toUnban = List.copyOf(toUnban);
        invalidSamples = List.copyOf(invalidSamples);
    }
}
