package org.bangui.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.bangui.adapters.fail2ban.ConfigDirProbeAdapter;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.persistence.FileSetupTokenAdapter;
import org.bangui.adapters.persistence.SecretFile;
import org.bangui.adapters.web.security.Argon2PasswordHasherAdapter;
import org.bangui.adapters.web.security.ClientAddressResolver;
import org.bangui.adapters.web.security.SessionCookie;
import org.bangui.adapters.web.security.Slf4jSecurityEventAdapter;
import org.bangui.application.audit.AuditService;
import org.bangui.application.ratelimit.RateLimitService;
import org.bangui.application.session.SessionPolicy;
import org.bangui.application.session.SessionService;
import org.bangui.application.session.SessionTokens;
import org.bangui.application.setup.SetupService;
import org.bangui.domain.audit.AuditPort;
import org.bangui.domain.audit.SecurityEventPort;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;

/** Builds the security side: audit, rate limits, sessions, setup, and their adapters. */
@Factory
class SecurityFactory {

    /** The directory of the SQLite file: secrets that belong to this database live beside it. */
    @Singleton
    @Named("dataDir")
    Path dataDir(@Value("${bangui.database.path}") String databasePath) {
        return Path.of(databasePath).toAbsolutePath().getParent();
    }

    @Singleton
    Argon2PasswordHasherAdapter passwordHasher() {
        return new Argon2PasswordHasherAdapter();
    }

    @Singleton
    Slf4jSecurityEventAdapter securityEvents() {
        return new Slf4jSecurityEventAdapter();
    }

    @Singleton
    ClientAddressResolver clientAddresses(SecuritySettings settings) {
        return new ClientAddressResolver(settings.trustedProxyNetworks());
    }

    @Singleton
    SessionCookie sessionCookie(SecuritySettings settings) {
        return new SessionCookie(settings.secureCookie());
    }

    @Context
    AuditService audit(AuditPort audit, Clock clock) {
        return new AuditService(audit, clock);
    }

    @Context
    RateLimitService rateLimits(RateLimitPort counters, SecuritySettings settings) {
        return new RateLimitService(counters, settings.limitsByAction());
    }

    /** With sessions on Redis there is no local cache: a logout on one instance counts on all at once. */
    @Singleton
    SessionPolicy sessionPolicy(SecuritySettings settings, StoreSettings stores) {
        return new SessionPolicy(settings.idleTimeoutDuration(), settings.lifetimeDuration(), settings.loginLimit(),
                stores.sessionsOnRedis() ? Duration.ZERO : settings.sessionCacheDuration());
    }

    /**
     * The cookie-signing secret: {@code BANGUI_SESSION_SECRET}, else the 0600 file {@code session-secret} beside
     * the database, created with 256 random bits on first start. Changing it ends every session.
     */
    @Singleton
    SessionTokens sessionTokens(SecuritySettings settings, @Named("dataDir") Path dataDir) {
        String secret = Optional.ofNullable(settings.sessionSecret()).filter(s -> !s.isBlank())
                .orElseGet(() -> new SecretFile(dataDir.resolve("session-secret"))
                        .readOrCreate(() -> SecretFile.randomSecret(32)).secret());
        return new SessionTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Context
    SessionService sessions(SessionPort sessions, AdminAccountPort accounts, PasswordHasherPort hasher,
                            RateLimitPort counters, SecurityEventPort events, AuditService audit,
                            SessionTokens tokens, SessionPolicy policy, Clock clock) {
        return new SessionService(sessions, accounts, hasher, counters, events, audit, tokens, policy, clock);
    }

    @Singleton
    FileSetupTokenAdapter setupToken(SecuritySettings settings, @Named("dataDir") Path dataDir) {
        return new FileSetupTokenAdapter(Optional.ofNullable(settings.setupToken()),
                new SecretFile(dataDir.resolve("setup-token")));
    }

    @Singleton
    RuntimeSettingsAdapter runtimeSettings(Fail2banClient client, ConfigDirProbeAdapter configDir,
                                           SessionPolicy policy) {
        return new RuntimeSettingsAdapter(client, configDir, policy);
    }

    @Context
    SetupService setup(AdminAccountPort accounts, FileSetupTokenAdapter setupToken, PasswordHasherPort hasher,
                       RuntimeSettingsAdapter runtime, AuditService audit, Clock clock) {
        return new SetupService(accounts, setupToken, hasher, runtime, audit, clock);
    }
}
