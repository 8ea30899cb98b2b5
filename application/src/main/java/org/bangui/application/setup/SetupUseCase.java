package org.bangui.application.setup;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.Actor;

/** First-run setup. */
public interface SetupUseCase {

    /** Whether setup has been completed. Cheap: it is asked on every request. */
    boolean isComplete();

    /** True once this process has seen setup complete; never blocks (false may only mean "not known yet"). */
    boolean isKnownComplete();

    /**
     * Completes setup.
     *
     * @throws org.bangui.domain.setup.SetupException 409 if already complete, 403 for a missing or wrong token
     * @throws org.bangui.domain.shared.InvalidInputException for a short password or an invalid setting
     */
    void complete(SetupCommand command);

    /**
     * The setup request. {@code toString} never shows the token or the password.
     *
     * @param setupToken the one-time token
     * @param password the administrator password, 12 to 1024 characters
     * @param fail2banSocket absolute path of fail2ban's socket, optional
     * @param fail2banConfigDir absolute path of fail2ban's config dir, optional
     * @param sessionLifetime absolute session lifetime, 5 minutes to 30 days, optional
     * @param actor who asks
     */
    record SetupCommand(String setupToken, String password, Optional<String> fail2banSocket,
                        Optional<String> fail2banConfigDir, Optional<Duration> sessionLifetime, Actor actor) {

        public SetupCommand {
            Objects.requireNonNull(setupToken, "setupToken");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(fail2banSocket, "fail2banSocket");
            Objects.requireNonNull(fail2banConfigDir, "fail2banConfigDir");
            Objects.requireNonNull(sessionLifetime, "sessionLifetime");
            Objects.requireNonNull(actor, "actor");
        }

        @Override
        public String toString() {
            return "SetupCommand[actor=" + actor + "]";
        }
    }
}
