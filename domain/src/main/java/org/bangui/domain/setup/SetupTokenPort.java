package org.bangui.domain.setup;

import java.util.Optional;

/**
 * The one-time token that proves the caller of first-run setup has access to the host (the token is
 * logged once and written to a file only root can read).
 */
public interface SetupTokenPort {

    /** The expected token while setup is pending; empty once it has been used. */
    Optional<String> token();

    /** Forgets the token after a successful setup. */
    void discard();
}
