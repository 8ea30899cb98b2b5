package org.bangui.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bangui.application.ManualClock;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigFile;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.DefinitionConfig;
import org.bangui.domain.config.JailConfig;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConfigServiceTest {

    private static final Actor ADMIN = Actor.system("config");
    private static final String JAIL_CONF = "[DEFAULT]\nbantime = 10m\n\n[sshd]\nfilter = sshd\nenabled = true\n";
    private static final String SSHD_FILTER = "[Definition]\nfailregex = ^fail from <HOST>$\n";

    private final InMemoryConfigDir dir = new InMemoryConfigDir().with("jail.conf", JAIL_CONF)
            .with("filter.d/sshd.conf", SSHD_FILTER).with("action.d/noop.conf", "[Definition]\nactionban = true\n");
    private final List<String> audit = new ArrayList<>();
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) -> audit.add(actor.principal()
            + " " + action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final ConfigService config = new ConfigService(dir, dir, dir, dir, auditTrail,
            new ManualClock(Instant.parse("2026-11-22T10:00:00Z")));

    @Test
    void aNewJailIsWrittenToItsOwnMarkedFileWithItsFilterCompiled() {
        NewJail web = new NewJail(ConfigName.of("web"), Optional.of("sshd"), List.of("/var/log/web.log"),
                Map.of("maxretry", "4"), true);

        JailConfig created = config.createJail(ADMIN, web);

        assertThat(created.enabled()).isTrue();
        assertThat(dir.text("jail.d/web.local")).startsWith(ConfigService.CREATED_MARK)
                .endsWith("[web]\nenabled = true\nfilter = sshd\nlogpath = /var/log/web.log\nmaxretry = 4\n");
        assertThat(dir.compiled).containsExactly(List.of("^fail from <HOST>$"));
        assertThat(audit).containsExactly("system:config config_create jail web (jail.d/web.local) success");
    }

    @Test
    void aBlocklistOnlyJailWatchesNothingWithThePollingBackend() {
        config.createJail(ADMIN, new NewJail(ConfigName.of("blocklist"), Optional.empty(), List.of(), Map.of(),
                false));

        assertThat(dir.text("jail.d/blocklist.local")).endsWith("[blocklist]\nenabled = false\nfilter = \n"
                + "logpath = /dev/null\nbackend = polling\n");
    }

    @Test
    void aNewJailIsRefusedWhenItsNameIsTakenReservedOrItsFilterOrFileIsMissing() {
        dir.with("jail.d/other.local", "[somethingelse]\nenabled = false\n");

        assertRefused(() -> config.createJail(ADMIN, blocklistOnly("sshd")), "config_exists");
        assertRefused(() -> config.createJail(ADMIN, blocklistOnly("Definition")), "reserved_name");
        assertRefused(() -> config.createJail(ADMIN, blocklistOnly("other")), "file_exists");
        assertRefused(() -> config.createJail(ADMIN, new NewJail(ConfigName.of("web"), Optional.of("nginx"),
                List.of("/var/log/web.log"), Map.of(), true)), "unknown_filter");
        assertThat(dir.files.keySet()).extracting(ConfigFile::path).containsExactly("action.d/noop.conf",
                "filter.d/sshd.conf", "jail.conf", "jail.d/other.local");
        assertThat(audit).containsExactly("system:config config_create jail sshd config_exists",
                "system:config config_create jail Definition reserved_name",
                "system:config config_create jail other file_exists",
                "system:config config_create jail web unknown_filter");
    }

    @Test
    void aJailBanGuiCreatedCanBeDeletedAndOthersCannot() {
        config.createJail(ADMIN, blocklistOnly("blocklist"));

        config.deleteJail(ADMIN, ConfigName.of("blocklist"));

        assertThat(dir.files).doesNotContainKey(ConfigFile.of("jail.d/blocklist.local"));
        assertThat(config.snapshot().jail(ConfigName.of("blocklist"))).isEmpty();
        assertRefused(() -> config.deleteJail(ADMIN, ConfigName.of("sshd")), "not_created_by_bangui");
        assertRefused(() -> config.deleteJail(ADMIN, ConfigName.of("nope")), "unknown_jail");
        assertThat(audit).contains("system:config config_delete jail blocklist (jail.d/blocklist.local) success");
    }

    @Test
    void aCreatedFileAnotherSectionWasAddedToByHandIsNotDeleted() {
        config.createJail(ADMIN, blocklistOnly("blocklist"));
        dir.with("jail.d/blocklist.local", dir.text("jail.d/blocklist.local") + "\n[extra]\nenabled = false\n");

        assertRefused(() -> config.deleteJail(ADMIN, ConfigName.of("blocklist")), "file_exists");
        assertThat(dir.files).containsKey(ConfigFile.of("jail.d/blocklist.local"));
    }

    @Test
    void aFilterKeyIsWrittenToTheFiltersLocalFileAndItsParametersToInit() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("failregex", "^bad login from <HOST>$\n^fail from <HOST>$");
        values.put("init/mode", "aggressive");

        DefinitionConfig after = config.updateDefinition(ADMIN, ConfigKind.FILTER, ConfigName.of("sshd"), values);

        assertThat(dir.text("filter.d/sshd.local")).isEqualTo("[Definition]\nfailregex = ^bad login from <HOST>$\n"
                + "    ^fail from <HOST>$\n\n[Init]\nmode = aggressive\n");
        assertThat(dir.text("filter.d/sshd.conf")).isEqualTo(SSHD_FILTER);
        assertThat(after.regexes().get("failregex")).containsExactly("^bad login from <HOST>$", "^fail from <HOST>$");
        assertThat(dir.compiled).first().isEqualTo(List.of("^bad login from <HOST>$", "^fail from <HOST>$"));
        assertThat(config.definition(ConfigKind.FILTER, ConfigName.of("sshd")).values())
                .containsKey("init/mode");
    }

    @Test
    void definitionsThatDoNotExistAreRefused() {
        assertRefused(() -> config.updateDefinition(ADMIN, ConfigKind.ACTION, ConfigName.of("nope"),
                Map.of("actionban", "true")), "unknown_action");
        assertRefused(() -> config.definition(ConfigKind.FILTER, ConfigName.of("nope")), "unknown_filter");
        assertThatThrownBy(() -> config.definition(ConfigKind.JAIL, ConfigName.of("sshd")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewFilterNeedsAFailregexAndNoInitParametersAndANewName() {
        config.createDefinition(ADMIN, ConfigKind.FILTER, ConfigName.of("web"), Map.of("failregex", "^x <HOST>$"));

        assertThat(dir.text("filter.d/web.local")).startsWith(ConfigService.CREATED_MARK)
                .endsWith("[Definition]\nfailregex = ^x <HOST>$\n");
        assertThat(dir.compiled).containsExactly(List.of("^x <HOST>$"));
        assertRefused(() -> config.createDefinition(ADMIN, ConfigKind.FILTER, ConfigName.of("empty"),
                Map.of("ignoreregex", "^ok$")), "invalid_filter");
        assertRefused(() -> config.createDefinition(ADMIN, ConfigKind.ACTION, ConfigName.of("act"),
                Map.of("actionban", "true", "init/port", "22")), "invalid_key");
        assertRefused(() -> config.createDefinition(ADMIN, ConfigKind.ACTION, ConfigName.of("noop"),
                Map.of("actionban", "true")), "config_exists");
        assertThat(dir.files).doesNotContainKeys(ConfigFile.of("filter.d/empty.local"),
                ConfigFile.of("action.d/act.local"));
    }

    @Test
    void aKeptChangeCanBeRevertedUntilTheFileChangesAgain() {
        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4"));
        ConfigChange first = config.changes(10).get(0);

        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "6"));
        assertRefused(() -> config.revert(ADMIN, first.id()), "changed_since");
        ConfigChange second = config.changes(1).get(0);
        ConfigChange undone = config.revert(ADMIN, second.id());

        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nmaxretry = 4\n");
        assertThat(undone.summary()).isEqualTo("change " + second.id());
        assertThat(config.diff(undone)).contains("-maxretry = 6").contains("+maxretry = 4");
        assertRefused(() -> config.revert(ADMIN, 99), "unknown_change");
    }

    @Test
    void aChangeWhoseVersionCannotBeStoredIsStillKeptAndAudited() {
        dir.versionsDown = true;

        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4"));

        assertThat(dir.text("jail.d/sshd.local")).isEqualTo("[sshd]\nmaxretry = 4\n");
        assertThat(audit).containsExactly("system:config config_update jail sshd (jail.d/sshd.local) success");
    }

    @Test
    void aFileThatCannotBeRestoredIsRememberedForTheReloadsRecovery() {
        dir.with("jail.local", "[sshd]\nmaxretry = 3\n");
        dir.testFailure = "fail2ban says no";
        AtomicInteger writes = new AtomicInteger();
        dir.beforeWrite = () -> {
            if (writes.incrementAndGet() > 1) {
                dir.unwritable.add(ConfigFile.of("jail.local")); // the write goes through, its undo does not
            }
        };

        assertThatThrownBy(() -> config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("config_invalid");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(DomainException.class,
                            s -> assertThat(s.code()).isEqualTo("config_unavailable"));
                });
        assertThat(config.sinceGoodReload()).containsOnlyKeys(ConfigFile.of("jail.local"));
    }

    @Test
    void restoringTheLastGoodFilesWritesTheirFirstBytesBackAsOneAuditedRevert() {
        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4"));
        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "6"));
        audit.clear();

        ConfigService.Restored restored = config.restoreLastGood(ADMIN);

        assertThat(restored.files()).containsExactly(ConfigFile.of("jail.d/sshd.local"));
        assertThat(restored.failed()).isEmpty();
        assertThat(dir.files).doesNotContainKey(ConfigFile.of("jail.d/sshd.local"));
        assertThat(config.sinceGoodReload()).isEmpty();
        assertThat(audit).containsExactly("system:config config_revert restored after a failed reload "
                + "(jail.d/sshd.local) success");
    }

    @Test
    void aFileThatCannotBeRestoredAfterAFailedReloadStaysRemembered() {
        config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4"));
        dir.unwritable.add(ConfigFile.of("jail.d/sshd.local"));

        ConfigService.Restored restored = config.restoreLastGood(ADMIN);

        assertThat(restored.files()).isEmpty();
        assertThat(restored.failed()).containsExactly(ConfigFile.of("jail.d/sshd.local"));
        assertThat(config.sinceGoodReload()).containsOnlyKeys(ConfigFile.of("jail.d/sshd.local"));
    }

    @Test
    void noChangeIsKeptWhileAJailNamesItsFilterByAPath() {
        dir.with("jail.local", "[evil]\nfilter = /tmp/evil\n");

        assertRefused(() -> config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of("maxretry", "4")),
                "config_invalid");
        assertThat(dir.files).doesNotContainKey(ConfigFile.of("jail.d/sshd.local"));
    }

    @Test
    void aRequestWithoutKeysOrWithTooManyIsRefused() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= ConfigValues.MAX_KEYS; i++) {
            many.put("key" + i, "1");
        }

        assertRefused(() -> config.updateJail(ADMIN, ConfigName.of("sshd"), Map.of()), "invalid_values");
        assertRefused(() -> config.updateJail(ADMIN, ConfigName.of("sshd"), many), "invalid_values");
    }

    private static NewJail blocklistOnly(String name) {
        return new NewJail(ConfigName.of(name), Optional.empty(), List.of(), Map.of(), false);
    }

    private static void assertRefused(Executable call, String code) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
