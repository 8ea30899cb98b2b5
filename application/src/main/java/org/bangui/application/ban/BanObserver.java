package org.bangui.application.ban;

import org.bangui.domain.history.BanOrigin;

/**
 * Told about the bans and unbans BanGUI makes, by {@link BanOrigin origin}: {@code manual} from the API,
 * {@code blocklist} from imports. For operational figures (metrics); an implementation must be quick and must
 * not throw.
 */
public interface BanObserver {

    /** Observes nothing. */
    BanObserver NONE = new BanObserver() {
        @Override
        public void banned(BanOrigin origin, long entries) {
        }

        @Override
        public void unbanned(BanOrigin origin, long entries) {
        }
    };

    /** {@code entries} addresses or networks were banned in a jail (one per jail). */
    void banned(BanOrigin origin, long entries);

    /** {@code entries} addresses or networks were unbanned from a jail (one per jail). */
    void unbanned(BanOrigin origin, long entries);
}
