package org.bangui.domain.setup;

import java.util.Optional;

/** Stores the administrator account. Failures surface as {@link AccountStoreException}. */
public interface AdminAccountPort {

    /** The account, or empty while setup has not been completed. */
    Optional<AdminAccount> load();

    /**
     * Stores the account unless one exists, atomically: of two concurrent setups exactly one succeeds.
     *
     * @return true if stored, false if setup had already been completed
     */
    boolean createIfAbsent(AdminAccount account);
}
