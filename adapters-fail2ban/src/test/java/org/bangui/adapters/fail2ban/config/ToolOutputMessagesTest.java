package org.bangui.adapters.fail2ban.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolOutputMessagesTest {

    private final ToolOutputMessages messages = new ToolOutputMessages(Path.of("/srv/f2b/conf"));

    @Test
    void keepsErrorLinesWithoutLogPrefixesAndShowsTheConfigDirRelative() {
        String output = "2026-11-22 20:52:43,286 fail2ban                [27109]: INFO    Loading configs\n"
                + "2026-11-22 20:52:43,286 fail2ban                [27109]: ERROR   Failed during configuration: "
                + "Source contains parsing errors: '/srv/f2b/conf/jail.local'\n"
                + "\t[line 30]: 'garbage\\n'\n"
                + "2026-11-22 20:52:43,355 fail2ban                [27110]: ERROR   ERROR: test configuration failed\n"
                + "ERROR: No file(s) found for glob /var/log/secret/*.log\n";
        assertThat(messages.errors(output, "x")).isEqualTo("Failed during configuration: Source contains parsing "
                + "errors: 'jail.local'\n[line 30]: 'garbage\\n'\nNo file(s) found for glob <path>");
    }

    @Test
    void fallsBackWhenNoErrorLineIsLeft() {
        assertThat(messages.errors("OK\n", "failed")).isEqualTo("failed");
        assertThat(messages.errors("", "")).isEmpty();
    }

    @Test
    void roundTripsStringsThroughTheScriptsJson() {
        String hostile = "a\"b\\c\n\t\u0001\u00e9\ud83d\ude00";
        assertThat(CompileScriptJson.unquote(CompileScriptJson.string(hostile))).isEqualTo(hostile);
        assertThat(CompileScriptJson.array(List.of("x", "y"))).isEqualTo("[\"x\",\"y\"]");
        Optional<String[]> failure = CompileScriptJson.compileFailure(
                "{\"ok\": false, \"kind\": \"failregex\", \"regex\": \"^(\\\"\\u00e9\", \"message\": \"missing )\"}");
        assertThat(failure)
                .hasValueSatisfying(f -> assertThat(f).containsExactly("failregex", "^(\"\u00e9", "missing )"));
    }
}
