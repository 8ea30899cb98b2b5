package org.bangui.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.JailSettings;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class JailTuningServiceTest {

    private static final Actor ADMIN = Actor.system("tuning");
    private static final JailName SSHD = JailName.of("sshd");
    private static final String JAIL_CONF = "[DEFAULT]\nignoreip = 127.0.0.1/8\n\n[sshd]\nfilter = sshd\n";
    private static final JailSettings ONE_HOUR_FIVE_TRIES = new JailSettings(OptionalLong.of(3600),
            OptionalLong.empty(), OptionalInt.of(5));

    private final InMemoryConfigDir dir = new InMemoryConfigDir().with("jail.conf", JAIL_CONF)
            .with("filter.d/sshd.conf", "[Definition]\nfailregex = ^fail from <HOST>$\n");
    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd");
    private final List<String> audit = new ArrayList<>();
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) -> audit.add(actor.principal()
            + " " + action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final ConfigService config = new ConfigService(dir, dir, dir, dir, auditTrail,
            new ManualClock(Instant.parse("2026-11-22T10:00:00Z")));
    private final JailTuningService service = new JailTuningService(config, fail2ban, auditTrail);

    @Test
    void runtimeSettingsAloneLeaveTheFilesAsTheyAre() {
        JailConfiguration after = service.setSettings(ADMIN, SSHD, ONE_HOUR_FIVE_TRIES, false);

        assertThat(after.banTime().seconds()).isEqualTo(3600);
        assertThat(after.maxRetry()).isEqualTo(5);
        assertThat(after.findTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
        assertThat(audit).containsExactly("system:tuning jail_settings sshd {bantime=3600, maxretry=5} success");
    }

    @Test
    void settingsKeptInTheFilesGoToTheJailsOwnLocalFile() {
        service.setSettings(ADMIN, SSHD, ONE_HOUR_FIVE_TRIES, true);

        assertThat(fail2ban.configuration(SSHD).maxRetry()).isEqualTo(5);
        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nbantime = 3600\nmaxretry = 5\n");
        assertThat(dir.text("jail.conf")).isEqualTo(JAIL_CONF);
        assertThat(audit).containsExactly("system:tuning config_update jail sshd (jail.d/sshd.local) success",
                "system:tuning jail_settings sshd {bantime=3600, maxretry=5} success");
    }

    @Test
    void settingsThatCannotBeKeptInTheFilesAreTakenBackAtRuntime() {
        dir.testFailure = "fail2ban says no";

        assertThatThrownBy(() -> service.setSettings(ADMIN, SSHD, ONE_HOUR_FIVE_TRIES, true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));

        JailConfiguration now = fail2ban.configuration(SSHD);
        assertThat(now.banTime().seconds()).isEqualTo(600);
        assertThat(now.maxRetry()).isEqualTo(3);
        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
        assertThat(audit).last().isEqualTo("system:tuning jail_settings sshd {bantime=3600, maxretry=5} "
                + "config_invalid");
    }

    @Test
    void aFailedUndoIsAddedToTheFailureThatCausedIt() {
        dir.testFailure = "fail2ban says no";
        dir.beforeWrite = () -> fail2ban.online = false;

        assertThatThrownBy(() -> service.setSettings(ADMIN, SSHD, ONE_HOUR_FIVE_TRIES, true))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("config_invalid");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(DomainException.class,
                            s -> assertThat(s.code()).isEqualTo("fail2ban_unavailable"));
                });
        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
    }

    @Test
    void aRefusedRuntimeChangeWritesNothing() {
        fail2ban.refuse = "setSettings";

        assertThatThrownBy(() -> service.setSettings(ADMIN, SSHD, ONE_HOUR_FIVE_TRIES, true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("command_rejected"));

        assertThat(fail2ban.configuration(SSHD).maxRetry()).isEqualTo(3);
        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
        assertThat(audit).containsExactly("system:tuning jail_settings sshd {bantime=3600, maxretry=5} "
                + "command_rejected");
    }

    @Test
    void anUnknownJailIsRefusedAndAudited() {
        assertThatThrownBy(() -> service.setSettings(ADMIN, JailName.of("nginx"), ONE_HOUR_FIVE_TRIES, true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("unknown_jail"));

        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
        assertThat(audit).containsExactly("system:tuning jail_settings nginx {bantime=3600, maxretry=5} "
                + "unknown_jail");
    }

    @Test
    void anAddedEntryIsIgnoredAtRuntimeAndKeptAfterTheConfiguredOnesInItsCanonicalForm() {
        List<String> after = service.addIgnoreIp(ADMIN, SSHD, " 198.51.100.77/24 ");

        assertThat(after).containsExactly("127.0.0.1/8", "192.0.2.250", "198.51.100.0/24");
        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nignoreip = 127.0.0.1/8 198.51.100.0/24\n");
        assertThat(audit).last().isEqualTo("system:tuning jail_ignoreip_add sshd 198.51.100.0/24 success");
    }

    @Test
    void anEntryTheFilesHoldAlreadyIsNotWrittenAgain() {
        service.addIgnoreIp(ADMIN, SSHD, "127.0.0.1/8");

        assertThat(dir.files.keySet()).containsExactly(ConfigFile.of("filter.d/sshd.conf"), ConfigFile.of("jail.conf"));
        assertThat(audit).containsExactly("system:tuning jail_ignoreip_add sshd 127.0.0.0/8 success");
    }

    @Test
    void refusesEntriesThatAreNotAddressesOrAreTooWide() {
        assertEntryRefused("gateway.example", "invalid_entry");
        assertEntryRefused(null, "invalid_entry");
        assertEntryRefused("1".repeat(65), "invalid_entry");
        assertEntryRefused("10.0.0.0/7", "too_wide");
        assertEntryRefused("2001:db8::/15", "too_wide");
        assertThat(service.addIgnoreIp(ADMIN, SSHD, "10.0.0.0/8")).contains("10.0.0.0/8");
    }

    @Test
    void anEntryThatCannotBeKeptIsTakenOffTheRuntimeListAgain() {
        dir.testFailure = "fail2ban says no";

        assertThatThrownBy(() -> service.addIgnoreIp(ADMIN, SSHD, "198.51.100.7"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));

        assertThat(fail2ban.ignoreIp.get(SSHD)).containsExactly("127.0.0.1/8", "192.0.2.250");
        assertThat(audit).last().isEqualTo("system:tuning jail_ignoreip_add sshd 198.51.100.7 config_invalid");
    }

    @Test
    void anEntryThatCannotBeKeptNorTakenBackReportsBothFailures() {
        dir.testFailure = "fail2ban says no";
        fail2ban.refuse = "removeIgnoreIp";

        assertThatThrownBy(() -> service.addIgnoreIp(ADMIN, SSHD, "198.51.100.7"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("config_invalid");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(DomainException.class,
                            s -> assertThat(s.code()).isEqualTo("command_rejected"));
                });
        assertThat(fail2ban.ignoreIp.get(SSHD)).contains("198.51.100.7");
    }

    @Test
    void theListOfAJailFail2banCouldNotBuildIsReadFromItsRawValue() {
        dir.with("jail.conf", "[DEFAULT]\nignoreip = 127.0.0.1/8 ::1\n\n[sshd]\nenabled = false\n");

        service.addIgnoreIp(ADMIN, SSHD, "198.51.100.7");

        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nignoreip = 127.0.0.1/8 ::1 198.51.100.7\n");
    }

    @Test
    void anEntryThatWasRunningBeforeStaysRunningWhenItCannotBeKept() {
        dir.testFailure = "fail2ban says no";

        assertThatThrownBy(() -> service.addIgnoreIp(ADMIN, SSHD, "192.0.2.250/32"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));

        assertThat(fail2ban.ignoreIp.get(SSHD)).contains("192.0.2.250");
    }

    @Test
    void aRemovedEntryGoesFromTheRuntimeInFail2bansSpellingAndFromTheFiles() {
        dir.with("jail.local", "[sshd]\nignoreip = 127.0.0.1/8 192.0.2.250/32 ::1\n");
        fail2ban.ignoreIp.put(SSHD, List.of("127.0.0.1/8", "gateway.example", "192.0.2.250"));

        List<String> after = service.removeIgnoreIp(ADMIN, SSHD, "192.0.2.250");

        assertThat(after).containsExactly("127.0.0.1/8", "gateway.example");
        assertThat(dir.text("jail.local")).isEqualTo("[sshd]\nignoreip = 127.0.0.1/8 ::1\n");
        assertThat(audit).last().isEqualTo("system:tuning jail_ignoreip_remove sshd 192.0.2.250 success");
    }

    @Test
    void removingAnEntryNeitherListHoldsIsRefused() {
        assertThatThrownBy(() -> service.removeIgnoreIp(ADMIN, SSHD, "198.51.100.7"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("not_ignored"));

        assertThat(fail2ban.ignoreIp.get(SSHD)).containsExactly("127.0.0.1/8", "192.0.2.250");
        assertThat(audit).containsExactly("system:tuning jail_ignoreip_remove sshd 198.51.100.7 not_ignored");
    }

    @Test
    void aRemovalThatCannotBeKeptPutsTheEntryBackAtRuntime() {
        dir.with("jail.local", "[sshd]\nignoreip = 192.0.2.250\n");
        dir.testFailure = "fail2ban says no";

        assertThatThrownBy(() -> service.removeIgnoreIp(ADMIN, SSHD, "192.0.2.250"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));

        assertThat(fail2ban.ignoreIp.get(SSHD)).contains("192.0.2.250");
        assertThat(dir.text("jail.local")).isEqualTo("[sshd]\nignoreip = 192.0.2.250\n");
    }

    private void assertEntryRefused(String entry, String code) {
        assertThatThrownBy(() -> service.addIgnoreIp(ADMIN, SSHD, entry))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(fail2ban.ignoreIp.get(SSHD)).containsExactly("127.0.0.1/8", "192.0.2.250");
    }
}
