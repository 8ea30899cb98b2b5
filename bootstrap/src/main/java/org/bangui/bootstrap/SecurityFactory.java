package org.bangui.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.bangui.adapters.fail2ban.ConfigDirProbeAdapter;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.inprocess.Argon2PasswordHasherAdapter;
import org.bangui.adapters.inprocess.Slf4jSecurityEventAdapter;
import org.bangui.adapters.persistence.FileSetupTokenAdapter;
import org.bangui.adapters.persistence.SecretFile;
import org.bangui.adapters.web.security.ClientAddressResolver;
import org.bangui.adapters.web.security.MetricsToken;
import org.bangui.adapters.web.security.SessionCookie;
import org.bangui.application.audit.AuditService;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ratelimit.RateLimitObserver;
import org.bangui.application.ratelimit.RateLimitService;
import org.bangui.application.session.LoginService;
import org.bangui.application.session.LoginUseCase;
import org.bangui.application.session.SecurityRecorder;
import org.bangui.application.session.SessionIssuer;
import org.bangui.application.session.SessionPolicy;
import org.bangui.application.session.SessionService;
import org.bangui.application.session.SessionTokens;
import org.bangui.application.session.SessionUseCase;
import org.bangui.application.setup.SetupService;
import org.bangui.domain.audit.AuditPort;
import org.bangui.domain.audit.SecurityEventPort;
import org.bangui.domain.ratelimit.RateLimitPort;
import org.bangui.domain.session.SessionPort;
import org.bangui.domain.setup.AdminAccountPort;
import org.bangui.domain.setup.PasswordHasherPort;
import org.bangui.domain.setup.RuntimeSettingsPort;
import org.bangui.domain.setup.SetupTokenPort;

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
    PasswordHasherPort passwordHasher() {
        return new Argon2PasswordHasherAdapter();
    }

    @Singleton
    SecurityEventPort securityEvents() {
        return new Slf4jSecurityEventAdapter();
    }

    @Singleton
    ClientAddressResolver clientAddresses(SecurityConfig settings) {
        return new ClientAddressResolver(settings.trustedProxies());
    }

    @Singleton
    MetricsToken metricsToken(SecurityConfig settings, ManagementConfig management) {
        return new MetricsToken(settings.metricsToken(), management.port());
    }

    @Singleton
    SessionCookie sessionCookie(SecurityConfig settings) {
        return new SessionCookie(settings.cookieSecure());
    }

    @Context
    AuditService audit(AuditPort audit, Clock clock) {
        return new AuditService(audit, clock);
    }

    @Context
    RateLimitService rateLimits(RateLimitPort counters, SecurityConfig settings, RateLimitObserver observer) {
        return new RateLimitService(counters, settings.limits(), observer);
    }

    /**
     * The session cache is kept with Redis sessions too: a logout or revocation on another instance evicts it
     * at once through Redis pub/sub ({@code SessionPort.onDeletedElsewhere}), and the cache time bounds a
     * notification missed while Redis was unreachable.
     */
    @Singleton
    SessionPolicy sessionPolicy(SecurityConfig settings) {
        return new SessionPolicy(settings.sessionIdleTimeout(), settings.sessionLifetime(), settings.loginLimit(),
                settings.sessionCacheTime());
    }

    /**
     * The cookie-signing secret: {@code BANGUI_SESSION_SECRET}, else the 0600 file {@code session-secret} beside
     * the database, created with 256 random bits on first start. Changing it ends every session.
     */
    @Singleton
    SessionTokens sessionTokens(SecurityConfig settings, @Named("dataDir") Path dataDir) {
        String secret = settings.sessionSecret().orElseGet(() -> new SecretFile(dataDir.resolve("session-secret"))
                        .readOrCreate(() -> SecretFile.randomSecret(32)).secret());
        return new SessionTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    SecurityRecorder securityRecorder(SecurityEventPort events, RecordAuditUseCase audit) {
        return new SecurityRecorder(events, audit);
    }

    @Singleton
    SessionIssuer sessionIssuer(SessionPort sessions, SessionTokens tokens, SessionPolicy policy, Clock clock) {
        return new SessionIssuer(sessions, tokens, policy, clock);
    }

    @Context
    LoginUseCase login(AdminAccountPort accounts, PasswordHasherPort hasher, RateLimitPort counters,
                       SessionIssuer issuer, SecurityRecorder recorder, RateLimitObserver throttled) {
        return new LoginService(accounts, hasher, counters, issuer, recorder, throttled);
    }

    @Context
    SessionUseCase sessions(SessionPort sessions, SessionTokens tokens, SessionPolicy policy, Clock clock,
                            SecurityRecorder recorder) {
        return new SessionService(sessions, tokens, policy, clock, recorder);
    }

    @Singleton
    SetupTokenPort setupToken(SecurityConfig settings, @Named("dataDir") Path dataDir) {
        return new FileSetupTokenAdapter(settings.setupToken(),
                new SecretFile(dataDir.resolve("setup-token")));
    }

    @Singleton
    RuntimeSettingsAdapter runtimeSettings(Fail2banClient client, ConfigDirProbeAdapter configDir,
                                           SessionPolicy policy, ConfigDirectory configDirectory) {
        return new RuntimeSettingsAdapter(client, configDir, policy, configDirectory);
    }

    @Context
    SetupService setup(AdminAccountPort accounts, SetupTokenPort setupToken, PasswordHasherPort hasher,
                       RuntimeSettingsPort runtime, RecordAuditUseCase audit, Clock clock) {
        return new SetupService(accounts, setupToken, hasher, runtime, audit, clock);
    }
}
