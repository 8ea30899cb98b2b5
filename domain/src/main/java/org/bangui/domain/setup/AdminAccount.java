package org.bangui.domain.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrator account created by first-run setup, with the settings chosen then.
 *
 * @param passwordHash the password as a self-describing hash string (never the password)
 * @param createdAt when setup was completed
 * @param fail2banSocket the fail2ban socket chosen at setup, if any
 * @param fail2banConfigDir the fail2ban config dir chosen at setup, if any
 * @param sessionLifetime the absolute session lifetime chosen at setup, if any
 */
public record AdminAccount(String passwordHash, Instant createdAt, Optional<String> fail2banSocket,
                           Optional<String> fail2banConfigDir, Optional<Duration> sessionLifetime) {

    /** @throws NullPointerException if a component is null (use Optional.empty()) */
    public AdminAccount {
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fail2banSocket, "fail2banSocket");
        Objects.requireNonNull(fail2banConfigDir, "fail2banConfigDir");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    }
}
