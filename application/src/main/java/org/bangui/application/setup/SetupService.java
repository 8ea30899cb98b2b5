package org.bangui.application.setup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.session.SessionTokens;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.setup.AdminAccount;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.RuntimeSettingsPort;
import org.bangui.domain.setup.SetupException;
import org.bangui.domain.setup.SetupTokenPort;
import org.bangui.domain.shared.InvalidInputException;

/** First-run setup over the account, token, hasher and runtime-settings ports. */
public final class SetupService implements SetupUseCase {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;
    private static final Duration MIN_LIFETIME = Duration.ofMinutes(5);
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final AdminAccountPort accounts;
    private final SetupTokenPort setupToken;
    private final PasswordHasherPort hasher;
    private final RuntimeSettingsPort runtime;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private volatile boolean complete;

    public SetupService(AdminAccountPort accounts, SetupTokenPort setupToken, PasswordHasherPort hasher,
                        RuntimeSettingsPort runtime, RecordAuditUseCase audit, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.setupToken = Objects.requireNonNull(setupToken, "setupToken");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean isComplete() {
        if (!complete) {
            complete = accounts.load().isPresent(); // once true it stays true: setup cannot be undone
        }
        return complete;
    }

    @Override
    public boolean isKnownComplete() {
        return complete;
    }

    @Override
    public void complete(SetupCommand command) {
        if (isComplete()) {
            audit.record(command.actor(), AuditAction.SETUP, "", "setup_complete");
            throw SetupException.alreadyComplete();
        }
        Optional<String> expected = setupToken.token();
        if (expected.isEmpty() || !SessionTokens.constantTimeEquals(expected.get(), command.setupToken())) {
            audit.record(command.actor(), AuditAction.SETUP, "", "invalid_setup_token");
            throw SetupException.badToken();
        }
        int length = command.password().codePointCount(0, command.password().length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new InvalidInputException("weak_password",
                    "the password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        Optional<String> socket = command.fail2banSocket().map(p -> absolutePath("fail2banSocket", p));
        Optional<String> configDir = command.fail2banConfigDir().map(p -> absolutePath("fail2banConfigDir", p));
        command.sessionLifetime().ifPresent(SetupService::checkLifetime);
        AdminAccount account = new AdminAccount(hasher.hash(command.password()), clock.instant(), socket, configDir,
                command.sessionLifetime());
        if (!accounts.createIfAbsent(account)) {
            audit.record(command.actor(), AuditAction.SETUP, "", "setup_complete");
            throw SetupException.alreadyComplete();
        }
        complete = true;
        setupToken.discard();
        runtime.apply(account);
        audit.record(command.actor(), AuditAction.SETUP, "", "");
    }

    /** An absolute, normalised path without control characters; it reaches the filesystem and fail2ban-client. */
    static String absolutePath(String field, String raw) {
        boolean control = raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (raw.isEmpty() || raw.length() > 4096 || control) {
            throw new InvalidInputException("invalid_path", field + " must be an absolute path");
        }
        try {
            Path path = Path.of(raw);
            if (!path.isAbsolute() || !path.normalize().toString().equals(raw)) {
                throw new InvalidInputException("invalid_path",
                        field + " must be an absolute, normalised path (no '..', no trailing '/')");
            }
            return raw;
        } catch (InvalidPathException e) {
            throw new InvalidInputException("invalid_path", field + " is not a valid path");
        }
    }

    private static void checkLifetime(Duration lifetime) {
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidInputException("invalid_session_lifetime",
                    "the session lifetime must be between 5 minutes and 30 days");
        }
    }
}
