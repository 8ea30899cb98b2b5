package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bangui.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class LocalFileEditorTest {

    private static String set(String text, String section, String key, String value) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(key, value);
        return LocalFileEditor.edit(text, section, changes);
    }

    /** Asserts that {@code after} is {@code before} with exactly {@code removed} replaced by {@code added}. */
    private static void assertOnlyChanged(String before, String after, String removed, String added) {
        int at = before.indexOf(removed);
        assertThat(at).as("the replaced text is in the original").isGreaterThanOrEqualTo(0);
        assertThat(after).startsWith(before.substring(0, at));
        assertThat(after).endsWith(before.substring(at + removed.length()));
        assertThat(after).isEqualTo(before.substring(0, at) + added + before.substring(at + removed.length()));
    }

    @Test
    void replacesAValueInPlaceKeepingTheKeySpellingAndEverythingElse() {
        String before = "# head\n[DEFAULT]\nbantime = 1h\n\n[sshd] ; the ssh jail\n  MaxRetry:\t5 ; five\n"
                + "port = ssh\n# tail";
        String after = set(before, "sshd", "maxretry", "3");
        assertOnlyChanged(before, after, "  MaxRetry:\t5 ; five\n", "  MaxRetry:\t3\n");
    }

    @Test
    void replacesContinuationLinesAndKeepsTheCommentsAfterThem() {
        String before = "[sshd]\nlogpath = /a\n\t/b\n\n    /c\n# next\nport = ssh\n";
        String after = set(before, "sshd", "logpath", "/x\n/y");
        assertOnlyChanged(before, after, "logpath = /a\n\t/b\n\n    /c\n", "logpath = /x\n    /y\n");
    }

    @Test
    void keepsCrlfLineBreaksAndWritesNewLinesWithThem() {
        String before = "[sshd]\r\nenabled = false\r\nport = ssh\r\n";
        assertOnlyChanged(before, set(before, "sshd", "enabled", "true\n/b"), "enabled = false\r\n",
                "enabled = true\r\n    /b\r\n");
        assertThat(set(before, "sshd", "bantime", "1h")).isEqualTo(before + "bantime = 1h\r\n");
    }

    @Test
    void keepsAMissingFinalNewlineWhenTheLastLineIsReplaced() {
        assertThat(set("[sshd]\nenabled = false", "sshd", "enabled", "true")).isEqualTo("[sshd]\nenabled = true");
    }

    @Test
    void addsAMissingFinalNewlineOnlyWhenALineIsAppendedAfterIt() {
        assertThat(set("[sshd]\nenabled = false", "sshd", "port", "22"))
                .isEqualTo("[sshd]\nenabled = false\nport = 22\n");
    }

    @Test
    void appendsANewKeyAfterTheSectionsLastDefinitionNotAfterTheNextSectionsComment() {
        String before = "[sshd]\nenabled = true\n#port = 22\n\n# the web jail\n[nginx]\nenabled = true\n";
        assertThat(set(before, "sshd", "bantime", "1h"))
                .isEqualTo("[sshd]\nenabled = true\nbantime = 1h\n#port = 22\n\n# the web jail\n[nginx]\n"
                        + "enabled = true\n");
    }

    @Test
    void appendsAMissingSectionAfterABlankLine() {
        assertThat(set("[sshd]\nenabled = true\n", "nginx", "enabled", "false"))
                .isEqualTo("[sshd]\nenabled = true\n\n[nginx]\nenabled = false\n");
        assertThat(set("", "nginx", "enabled", "false")).isEqualTo("[nginx]\nenabled = false\n");
    }

    @Test
    void treatsSectionNamesCaseSensitivelyAndKeysCaseInsensitively() {
        String before = "[Sshd]\nEnabled = true\n[sshd]\nENABLED = true\n";
        assertThat(set(before, "sshd", "enabled", "false"))
                .isEqualTo("[Sshd]\nEnabled = true\n[sshd]\nENABLED = false\n");
    }

    @Test
    void replacesTheFirstOfTwoDefinitionsAndDropsTheOtherSoTheValueIsUnambiguous() {
        String before = "[sshd]\nport = 1\n[nginx]\nport = 2\n[sshd]\nport = 3\nbantime = 1\n";
        assertThat(set(before, "sshd", "port", "22"))
                .isEqualTo("[sshd]\nport = 22\n[nginx]\nport = 2\n[sshd]\nbantime = 1\n");
    }

    @Test
    void removesEveryLineOfAKeyAndOnlyThose() {
        String before = "[sshd]\nenabled = true\nlogpath = /a\n  /b\nport = ssh\n";
        assertThat(set(before, "sshd", "logpath", null)).isEqualTo("[sshd]\nenabled = true\nport = ssh\n");
        assertThat(set(before, "nginx", "logpath", null)).isEqualTo(before);
    }

    @Test
    void keepsABomAndTabs() {
        String before = "\uFEFF[sshd]\n\tenabled\t=\ttrue\n";
        assertThat(set(before, "sshd", "enabled", "false")).isEqualTo("\uFEFF[sshd]\n\tenabled\t=\tfalse\n");
    }

    @Test
    void indentsContinuationLinesDeeperThanAnIndentedKey() {
        assertThat(set("[sshd]\n  logpath = /a\n", "sshd", "logpath", "/x\n[y]"))
                .isEqualTo("[sshd]\n  logpath = /x\n      [y]\n");
    }

    @Test
    void writesAValueLineThatLooksLikeAHeaderAsAContinuation() {
        assertThat(set("[sshd]\n", "sshd", "failregex", "^a <HOST>\n[sshd]\nenabled = false"))
                .isEqualTo("[sshd]\nfailregex = ^a <HOST>\n    [sshd]\n    enabled = false\n");
    }

    @Test
    void refusesValuesFail2banWouldNotReadBackAsWritten() {
        for (String value : new String[] {"\n[sshd]\nenabled=false", "a\n\nb", "a\n", "x\u0000", "a\rb", "a\u001bb",
                " a", "a ", "a\n#b", "a\n;b", "a ;b", ";a", "a\n  b", "x".repeat(64 * 1024 + 1)}) {
            assertThatThrownBy(() -> set("[sshd]\n", "sshd", "failregex", value))
                    .as(value.length() > 40 ? "long" : value)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_value"));
        }
    }

    @Test
    void acceptsTabsAHashOnTheFirstLineAndASemicolonInsideAWord() {
        assertThat(set("[sshd]\n", "sshd", "x", "#a\tb;c")).isEqualTo("[sshd]\nx = #a\tb;c\n");
    }

    @Test
    void refusesKeysAndSectionsOutsideTheAllowLists() {
        for (String key : new String[] {"Enabled", "a b", "a=b", "", "-a", "a".repeat(65), "a[b]"}) {
            assertThatThrownBy(() -> set("", "sshd", key, "1")).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_key"));
        }
        for (String section : new String[] {"INCLUDES", "includes", "a]b", "Init?family=inet6", "", "..", "a b"}) {
            assertThatThrownBy(() -> set("", section, "a", "1")).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_section"));
        }
    }

    @Test
    void appliesSeveralChangesInOrder() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("enabled", "true");
        changes.put("port", null);
        changes.put("bantime", "1h");
        assertThat(LocalFileEditor.edit("[sshd]\nport = 22\nenabled = false\n", "sshd", changes))
                .isEqualTo("[sshd]\nenabled = true\nbantime = 1h\n");
    }
}
