package org.bangui.adapters.fail2ban.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandVerbTest {

    @Test
    void namesTheCommandBySettingOrActionNeverByJailOrAddress() {
        assertThat(CommandVerb.of(List.of("ping"))).isEqualTo("ping");
        assertThat(CommandVerb.of(List.of("status"))).isEqualTo("status");
        assertThat(CommandVerb.of(List.of("status", "sshd", "cymru"))).isEqualTo("status");
        assertThat(CommandVerb.of(List.of("set", "sshd", "banip", "192.0.2.1"))).isEqualTo("set.banip");
        assertThat(CommandVerb.of(List.of("set", "my-jail", "unbanip", "192.0.2.1"))).isEqualTo("set.unbanip");
        assertThat(CommandVerb.of(List.of("get", "sshd", "banip", "--with-time"))).isEqualTo("get.banip");
        assertThat(CommandVerb.of(List.of("get", "sshd", "bantime"))).isEqualTo("get.bantime");
        assertThat(CommandVerb.of(List.of("set", "loglevel", "INFO"))).isEqualTo("set.loglevel");
        assertThat(CommandVerb.of(List.of("set", "dbpurgeage", "86400"))).isEqualTo("set.dbpurgeage");
        assertThat(CommandVerb.of(List.of("unban", "192.0.2.1"))).isEqualTo("unban");
    }

    @Test
    void anyWordOutsideFail2bansVocabularyBecomesOther() {
        assertThat(CommandVerb.of(List.of("192.0.2.1"))).isEqualTo("other");
        assertThat(CommandVerb.of(List.of())).isEqualTo("other");
        assertThat(CommandVerb.of(List.of(42))).isEqualTo("other");
        assertThat(CommandVerb.of(List.of("set", "sshd", "192.0.2.1"))).isEqualTo("set.other");
        assertThat(CommandVerb.of(List.of("get", "sshd", "evil\"label"))).isEqualTo("get.other");
        assertThat(CommandVerb.of(List.of("set", "sshd"))).isEqualTo("set.other");
        // a server-wide setting has no jail word
        assertThat(CommandVerb.of(List.of("get", "loglevel"))).isEqualTo("get.loglevel");
    }
}
