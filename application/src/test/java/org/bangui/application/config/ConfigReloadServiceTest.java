package org.bangui.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.config.JailSummary;
import org.bangui.domain.config.ReloadFailedException;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class ConfigReloadServiceTest {

    private static final Actor ADMIN = Actor.system("reload");
    private static final ConfigName SSHD = ConfigName.of("sshd");
    /** A log file that does not exist: fail2ban cannot start a jail that watches it. */
    private static final String MISSING_LOG = "/var/log/missing.log";

    private final InMemoryConfigDir dir = new InMemoryConfigDir()
            .with("jail.conf", "[DEFAULT]\naction = noop\n\n[sshd]\nfilter = sshd\nenabled = true\n\n"
                    + "[off]\nfilter = sshd\nenabled = false\n")
            .with("filter.d/sshd.conf", "[Definition]\nfailregex = ^fail from <HOST>$\n");
    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<String> audit = new ArrayList<>();
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) -> audit.add(actor.principal()
            + " " + action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final ConfigService config = new ConfigService(dir, dir, dir, dir, auditTrail, clock);
    private final ConfigReloadService service = new ConfigReloadService(config, fail2ban, auditTrail, clock);
    private final List<String> restarts = new ArrayList<>();

    ConfigReloadServiceTest() {
        dir.onReload = this::reloadAsFail2banDoes;
        dir.onRestart = jail -> restarts.add(jail.value());
    }

    /** Runs the enabled jails it can start (only the one reloaded, for one jail's reload); a reload takes 250 ms. */
    private void reloadAsFail2banDoes(Optional<ConfigName> only) {
        clock.now = clock.now.plusMillis(250);
        ConfigSnapshot files = dir.read();
        List<ConfigName> reloaded = only.map(List::of).orElseGet(() -> files.jails().stream()
                .map(JailSummary::name).toList());
        if (only.isEmpty()) {
            fail2ban.bans.clear();
        }
        for (ConfigName name : reloaded) {
            fail2ban.bans.remove(JailName.of(name.value()));
            JailConfig jail = files.jail(name).orElseThrow();
            boolean startable = jail.effective().isPresent() && !Optional.ofNullable(jail.values().get("logpath"))
                    .map(v -> v.value().equals(MISSING_LOG)).orElse(false);
            if (jail.enabled() && startable) {
                fail2ban.run(name.value());
            }
        }
    }

    @Test
    void aFullReloadThatKeepsEveryEnabledJailRunningMakesTheChangesGood() {
        config.updateJail(ADMIN, SSHD, Map.of("maxretry", "4"));

        ReloadOutcome outcome = service.reload(ADMIN, Optional.empty());

        assertThat(outcome.jails()).containsExactly("sshd");
        assertThat(outcome.milliseconds()).isEqualTo(250);
        assertThat(config.sinceGoodReload()).isEmpty();
        assertThat(audit).last().isEqualTo("system:reload config_reload all jails success");
    }

    @Test
    void aReloadThatLeavesAJailDownRestoresTheChangedFilesAndReloadsAgain() {
        config.updateJail(ADMIN, SSHD, Map.of("logpath", MISSING_LOG));

        assertThatThrownBy(() -> service.reload(ADMIN, Optional.empty()))
                .isInstanceOf(ReloadFailedException.class)
                .hasMessage("the reload left jails down: sshd; every jail runs again; restored jail.d/sshd.local");

        assertThat(dir.files).doesNotContainKey(ConfigFile.of("jail.d/sshd.local"));
        assertThat(fail2ban.jailNames()).containsExactly(JailName.of("sshd"));
        assertThat(audit).containsSubsequence(
                "system:reload config_revert restored after a failed reload (jail.d/sshd.local) success",
                "system:reload config_reload all jails reload_failed");
    }

    @Test
    void aReloadFail2banRefusesIsReportedWithItsWordsAfterTheRecovery() {
        dir.onReload = jail -> {
            dir.onReload = this::reloadAsFail2banDoes;
            throw new ReloadFailedException("bad line 3");
        };

        assertThatThrownBy(() -> service.reload(ADMIN, Optional.empty()))
                .hasMessage("the reload failed; every jail runs again; no file changed through BanGUI to restore; "
                        + "fail2ban: bad line 3");
    }

    @Test
    void aRecoveryReloadThatFailsTooIsReported() {
        config.updateJail(ADMIN, SSHD, Map.of("maxretry", "4"));
        dir.onReload = jail -> {
            throw new ReloadFailedException("broken");
        };

        assertThatThrownBy(() -> service.reload(ADMIN, Optional.empty()))
                .hasMessage("the reload failed; the recovery reload failed too: broken; restored jail.d/sshd.local; "
                        + "fail2ban: broken");
    }

    @Test
    void whenFail2banDoesNotAnswerNothingIsRestored() {
        config.updateJail(ADMIN, SSHD, Map.of("maxretry", "4"));
        dir.onReload = jail -> {
            throw new ServerUnavailableException("timeout", null);
        };

        assertThatThrownBy(() -> service.reload(ADMIN, Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("fail2ban_unavailable"));

        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nmaxretry = 4\n");
        assertThat(config.sinceGoodReload()).containsOnlyKeys(ConfigFile.of("jail.d/sshd.local"));
    }

    @Test
    void aGoodReloadOfOneJailMakesItsOwnFileGood() {
        config.updateJail(ADMIN, SSHD, Map.of("maxretry", "4"));

        assertThat(service.reload(ADMIN, Optional.of(SSHD)).jails()).containsExactly("sshd");

        assertThat(config.sinceGoodReload()).isEmpty();
        assertThat(audit).last().isEqualTo("system:reload config_reload jail sshd success");
    }

    @Test
    void aJailTheFilesDoNotDefineIsNotReloaded() {
        assertThatThrownBy(() -> service.reload(ADMIN, Optional.of(ConfigName.of("nope"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("unknown_jail"));
        assertThat(audit).containsExactly("system:reload config_reload jail nope unknown_jail");
    }

    @Test
    void aForgottenJailIsStartedByReloadingItUnlessItsFilesDisableIt() {
        fail2ban.bans.clear();

        service.start(ADMIN, JailName.of("sshd"));

        assertThat(fail2ban.jailNames()).containsExactly(JailName.of("sshd"));
        assertThatThrownBy(() -> service.start(ADMIN, JailName.of("off")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("jail_disabled"));
    }

    @Test
    void aJailStillRunningItsOldActionsIsRestarted() {
        fail2ban.actions.put(JailName.of("sshd"), List.of("iptables"));
        dir.onRestart = jail -> {
            restarts.add(jail.value());
            fail2ban.actions.remove(JailName.of(jail.value()));
        };

        service.reload(ADMIN, Optional.empty());

        assertThat(restarts).containsExactly("sshd");
    }

    @Test
    void aJailARestartDoesNotFixFailsTheReload() {
        fail2ban.actions.put(JailName.of("sshd"), List.of("iptables"));

        assertThatThrownBy(() -> service.reload(ADMIN, Optional.empty()))
                .isInstanceOf(ReloadFailedException.class)
                .hasMessageContaining("fail2ban: jails run other actions than their files name: sshd");
        assertThat(restarts).containsExactly("sshd");
    }
}
