package org.bangui.adapters.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bangui.adapters.fail2ban.protocol.Fail2banCodec;
import org.bangui.adapters.fail2ban.protocol.ProtocolException;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;
import org.junit.jupiter.api.Test;

/** Parsing of real reply values (captured from fail2ban 1.0.2) into domain values. */
class RepliesTest {

    private static final JailName SSHD = JailName.of("sshd");

    private static Object capture(String name) throws IOException {
        try (InputStream in = RepliesTest.class.getResourceAsStream("/captures/" + name + ".bin")) {
            byte[] frame = in.readAllBytes();
            return Fail2banCodec.decode(frame, frame.length);
        }
    }

    @Test
    void readsCountersFromShortStatus() throws IOException {
        assertThat(Replies.counters(capture("status_sshd_short"))).isEqualTo(new JailCounters(0, 3, 2, 2));
    }

    @Test
    void readsJailListInServerOrder() throws IOException {
        assertThat(Replies.jailList(capture("status"))).containsExactly("blocklist", "nginx-http-auth", "sshd");
    }

    @Test
    void readsBanTimesInTheServerZone() {
        Ban ban = Replies.banWithTime(SSHD, "2001:db8::7 \t2026-11-21 05:55:35 + 600 = 2026-11-21 06:05:35",
                ZoneOffset.ofHours(1)).orElseThrow();
        assertThat(ban.bannedAt()).isEqualTo(Instant.parse("2026-11-21T04:55:35Z"));
        assertThat(ban.expiresAt()).contains(Instant.parse("2026-11-21T05:05:35Z"));
        assertThat(ban.target().text()).isEqualTo("2001:db8::7");
    }

    @Test
    void readsPermanentBans() throws IOException {
        String line = Replies.strings(capture("banip_permanent")).get(0);
        Ban ban = Replies.banWithTime(SSHD, line, ZoneOffset.UTC).orElseThrow();
        assertThat(ban.duration().isPermanent()).isTrue();
        assertThat(ban.expiresAt()).isEmpty();
    }

    @Test
    void readsNetworkBansAsNetworks() {
        Ban ban = Replies.banWithTime(SSHD, "198.18.0.0/24 \t2026-11-21 05:55:35 + 600 = 2026-11-21 06:05:35",
                ZoneOffset.UTC).orElseThrow();
        assertThat(ban.target().text()).isEqualTo("198.18.0.0/24");
        assertThat(ban.target().isHost()).isFalse();
    }

    @Test
    void skipsBanIdsThatAreNotAddresses() {
        assertThat(Replies.banWithTime(SSHD, "not-an-ip \t2026-11-21 05:55:35 + 600 = 2026-11-21 06:05:35",
                ZoneOffset.UTC)).isEmpty();
        // fail2ban bans any id (a custom <F-ID>, `set J banip 'a b'`): spaces and tabs in it skip only that entry
        assertThat(Replies.banWithTime(SSHD, "a b \t2026-11-21 05:55:35 + 600 = 2026-11-21 06:05:35",
                ZoneOffset.UTC)).isEmpty();
        assertThat(Replies.banWithTime(SSHD, "x \ty \t2026-11-21 05:55:35 + -1 = 9999-12-31 23:59:59",
                ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void refusesMalformedReplies() {
        assertThatThrownBy(() -> Replies.banWithTime(SSHD, "garbage", ZoneOffset.UTC))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Replies.counters(List.of("x"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Replies.number("abc")).isInstanceOf(ProtocolException.class);
    }
}
