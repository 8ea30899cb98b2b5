package org.bangui.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.config.ServerSettingsService.ServerSettings;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class ServerSettingsServiceTest {

    private static final Actor ADMIN = Actor.system("settings");
    private static final String SHIPPED = "[Definition]\nloglevel = INFO\ndbpurgeage = 1d\n";

    private final InMemoryConfigDir dir = new InMemoryConfigDir().with("fail2ban.conf", SHIPPED)
            .with("jail.conf", "[DEFAULT]\nbantime.increment = false\nbantime.formula = ban.Time\n");
    private final FakeServerSettings fail2ban = new FakeServerSettings();
    private final List<String> audit = new ArrayList<>();
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) -> audit.add(actor.principal()
            + " " + action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final ConfigService config = new ConfigService(dir, dir, dir, dir, auditTrail,
            new ManualClock(Instant.parse("2026-11-22T10:00:00Z")));
    private final ServerSettingsService service = new ServerSettingsService(config, fail2ban, auditTrail,
            Duration.ofMinutes(30));

    @Test
    void reportsTheEditableKeysTheFilesSetAndTheRuntimeLogLevel() {
        fail2ban.logLevel = "NOTICE";

        ServerSettings settings = service.settings();

        assertThat(settings.values()).containsExactly(Map.entry("loglevel", "INFO"), Map.entry("dbpurgeage", "1d"),
                Map.entry("bantime.increment", "false"));
        assertThat(settings.runtimeLogLevel()).isEqualTo("NOTICE");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void warnsWhenFail2banPurgesBansBeforeTwoHistorySyncsHaveCopiedThem() {
        dir.with("fail2ban.local", "[Definition]\ndbpurgeage = 59m\n");

        assertThat(service.settings().warnings()).singleElement().asString()
                .contains("dbpurgeage is shorter than two history-sync intervals (1800 s each)");
    }

    @Test
    void aLogLevelIsAppliedAtRuntimeAndKeptInFail2banLocalAsOneAuditedChange() {
        ServerSettings after = service.update(ADMIN, Map.of("loglevel", " debug "));

        assertThat(fail2ban.changes).containsExactly("loglevel=DEBUG");
        assertThat(dir.text("fail2ban.local")).isEqualTo("[Definition]\nloglevel = DEBUG\n");
        assertThat(dir.text("fail2ban.conf")).isEqualTo(SHIPPED);
        assertThat(after.values()).containsEntry("loglevel", "DEBUG");
        assertThat(after.runtimeLogLevel()).isEqualTo("DEBUG");
        assertThat(dir.versions).singleElement().satisfies(v -> {
            assertThat(v.change().file()).isEqualTo(ConfigFile.of("fail2ban.local"));
            assertThat(v.actor()).isEqualTo("system:settings");
        });
        assertThat(audit).containsExactly(
                "system:settings config_update server settings (fail2ban.local) success",
                "system:settings server_settings loglevel success");
    }

    @Test
    void aPurgeAgeWithAUnitIsAppliedAndWrittenInSeconds() {
        service.update(ADMIN, Map.of("dbpurgeage", "2h"));

        assertThat(fail2ban.dbPurgeAge).isEqualTo(7200);
        assertThat(dir.text("fail2ban.local")).isEqualTo("[Definition]\ndbpurgeage = 7200\n");

        service.update(ADMIN, Map.of("dbpurgeage", "2w"));

        assertThat(fail2ban.changes).containsExactly("dbpurgeage=7200", "dbpurgeage=1209600");
    }

    @Test
    void incrementDefaultsGoToTheDefaultSectionThatAlreadyWinsAndLeaveTheRuntimeAlone() {
        dir.with("jail.d/tuning.local", "[DEFAULT]\nbantime.factor = 1\n");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bantime.factor", "2");
        values.put("bantime.increment", "true");

        ServerSettings after = service.update(ADMIN, values);

        assertThat(dir.text("jail.d/tuning.local")).isEqualTo("[DEFAULT]\nbantime.factor = 2\n");
        assertThat(dir.text("jail.local")).isEqualTo("[DEFAULT]\nbantime.increment = true\n");
        assertThat(fail2ban.changes).isEmpty();
        assertThat(after.values()).containsEntry("bantime.factor", "2").containsEntry("bantime.increment", "true");
        assertThat(audit).containsExactly("system:settings config_update server settings "
                + "(jail.d/tuning.local, jail.local) success",
                "system:settings server_settings bantime.factor,bantime.increment success");
    }

    @Test
    void refusesAPurgeAgeUnderOneHourBeforeAnythingChanges() {
        assertRefused(Map.of("dbpurgeage", "59m"), "dbpurgeage_too_short");
        assertRefused(Map.of("dbpurgeage", "3599"), "dbpurgeage_too_short");
    }

    @Test
    void refusesValuesFail2banWouldNotUnderstand() {
        assertRefused(Map.of("dbpurgeage", "1 fortnight"), "invalid_dbpurgeage");
        assertRefused(Map.of("loglevel", "LOUD"), "invalid_loglevel");
        assertRefused(Map.of("bantime.factor", "2*3"), "invalid_value");
        Map<String, String> missing = new HashMap<>();
        missing.put("loglevel", null);
        assertRefused(missing, "invalid_value");
    }

    @Test
    void refusesKeysItDoesNotEditAndAnEmptyRequest() {
        assertRefused(Map.of("bantime.formula", "ban.Time * 2"), "invalid_key");
        assertRefused(Map.of("socket", "/tmp/f2b.sock"), "invalid_key");
        assertRefused(Map.of(), "invalid_values");
    }

    @Test
    void aFailedCheckRestoresTheFilesAndTheRuntimeValuesAndIsAuditedWithItsCode() {
        dir.testFailure = "bad";

        assertThatThrownBy(() -> service.update(ADMIN, Map.of("loglevel", "DEBUG", "dbpurgeage", "2d")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));

        assertThat(fail2ban.logLevel).isEqualTo("INFO");
        assertThat(fail2ban.dbPurgeAge).isEqualTo(86_400);
        assertThat(dir.files).doesNotContainKey(ConfigFile.of("fail2ban.local"));
        assertThat(dir.versions).isEmpty();
        assertThat(audit).hasSize(2).allMatch(entry -> entry.endsWith(" config_invalid"));
        assertThat(audit.get(1)).startsWith("system:settings server_settings ");
    }

    @Test
    void aFail2banThatCannotBeReachedLeavesTheFilesAsTheyWere() {
        fail2ban.online = false;

        assertThatThrownBy(() -> service.update(ADMIN, Map.of("loglevel", "DEBUG")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("fail2ban_unavailable"));

        assertThat(dir.files).doesNotContainKey(ConfigFile.of("fail2ban.local"));
        assertThat(audit).containsExactly("system:settings server_settings loglevel fail2ban_unavailable");
    }

    @Test
    void aRuntimeUndoThatFailsTooIsReportedWithTheWriteFailure() {
        dir.unwritable.add(ConfigFile.of("fail2ban.local"));
        fail2ban.downAfterAChange = true;

        assertThatThrownBy(() -> service.update(ADMIN, Map.of("loglevel", "DEBUG")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("config_unavailable");
                    assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOfSatisfying(DomainException.class,
                                    s -> assertThat(s.code()).isEqualTo("fail2ban_unavailable"));
                });
        assertThat(fail2ban.changes).containsExactly("loglevel=DEBUG");
        assertThat(dir.files).doesNotContainKey(ConfigFile.of("fail2ban.local"));
    }

    private void assertRefused(Map<String, String> values, String code) {
        assertThatThrownBy(() -> service.update(ADMIN, values))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(fail2ban.changes).isEmpty();
        assertThat(dir.files.keySet()).extracting(ConfigFile::path).containsOnly("fail2ban.conf", "jail.conf");
    }
}
