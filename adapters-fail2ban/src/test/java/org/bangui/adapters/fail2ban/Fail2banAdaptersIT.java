package org.bangui.adapters.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bangui.adapters.fail2ban.protocol.Fail2banClient;
import org.bangui.adapters.fail2ban.testing.Fail2banSandbox;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port adapters against a real private fail2ban-server; effects are checked with fail2ban-client. */
class Fail2banAdaptersIT {

    private static final JailName SSHD = JailName.of("sshd");
    private static final JailName BLOCKLIST = JailName.of("blocklist");
    private static final JailName NGINX = JailName.of("nginx-http-auth");

    @TempDir
    static Path dir;
    static Fail2banSandbox sandbox;
    static Fail2banClient client;
    static Fail2banJailAdapter jails;
    static Fail2banBanAdapter bans;

    @BeforeAll
    static void start() {
        sandbox = Fail2banSandbox.start(dir);
        client = new Fail2banClient(sandbox.socket(), Duration.ofSeconds(1), Duration.ofSeconds(10));
        jails = new Fail2banJailAdapter(client);
        bans = new Fail2banBanAdapter(client, ZoneId.systemDefault(), 500);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void listsTheSandboxJails() {
        assertThat(jails.jailNames()).containsExactlyInAnyOrder(SSHD, NGINX, BLOCKLIST);
    }

    @Test
    void readsEffectiveJailConfiguration() {
        JailConfiguration config = jails.configuration(SSHD);
        assertThat(config.banTime().seconds()).isEqualTo(600);
        assertThat(config.findTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.maxRetry()).isEqualTo(3);
        assertThat(config.logPaths()).containsExactly(sandbox.logFile("sshd").toString());
        assertThat(config.ignoreIp()).contains("127.0.0.0/8", "192.0.2.250", "198.51.100.0/28");
        assertThat(config.actions()).containsExactly("bangui-noop");
    }

    @Test
    void serverAnswersPingVersionAndDatabaseSettings() {
        Fail2banServerAdapter server = new Fail2banServerAdapter(client);
        server.ping();
        assertThat(server.version()).isEqualTo("1.0.2");
        assertThat(server.database().file()).contains(sandbox.database().toString());
        assertThat(server.database().purgeAge()).contains(Duration.ofDays(1));
        assertThat(server.probe().up()).isTrue();
        assertThat(jails.configuration(SSHD).failRegex()).isNotEmpty();
    }

    @Test
    void unknownJailIsReportedAsSuch() {
        JailName missing = JailName.of("no-such-jail");
        assertThatThrownBy(() -> jails.counters(missing)).isInstanceOf(UnknownJailException.class);
        assertThatThrownBy(() -> bans.activeBans(missing)).isInstanceOf(UnknownJailException.class);
        assertThatThrownBy(() -> jails.start(missing)).isInstanceOf(UnknownJailException.class);
    }

    @Test
    void bansFromLogLinesAppearWithStartAndExpiry() throws InterruptedException {
        IpNetwork attacker = IpNetwork.parse("203.0.113.5");
        Instant before = Instant.now().minusSeconds(2);
        sandbox.appendSshdFailures(attacker.text(), 3);
        List<Ban> found = awaitBan(SSHD, attacker);
        assertThat(found).hasSize(1);
        Ban ban = found.get(0);
        assertThat(ban.bannedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(ban.expiresAt()).contains(ban.bannedAt().plusSeconds(600));
        assertThat(jails.counters(SSHD).totalFailed()).isGreaterThanOrEqualTo(3);
        assertThat(bans.jailsBanning(attacker)).containsExactly(SSHD);
    }

    @Test
    void bansInBatchesAndCountsOnlyNewBans() {
        List<IpNetwork> addresses = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            addresses.add(IpNetwork.parse("10.1." + (i / 256) + "." + (i % 256)));
        }
        assertThat(bans.ban(BLOCKLIST, addresses)).isEqualTo(1200);
        assertThat(bans.ban(BLOCKLIST, addresses.subList(0, 10))).isZero();
        assertThat(bans.activeBans(BLOCKLIST)).hasSizeGreaterThanOrEqualTo(1200);
        assertThat(sandbox.client("status", "blocklist")).contains("Currently banned:\t1200");
        assertThat(jails.counters(BLOCKLIST).currentlyBanned()).isEqualTo(1200);
        assertThat(bans.unbanEverywhere(addresses.get(0))).isEqualTo(1);
    }

    @Test
    void unbanReportsWhetherTheAddressWasBanned() {
        IpNetwork address = IpNetwork.parse("2001:db8::42");
        assertThat(bans.ban(NGINX, List.of(address))).isEqualTo(1);
        assertThat(sandbox.client("banned", "2001:db8::42")).contains("nginx-http-auth");
        assertThat(bans.unban(NGINX, address)).isTrue();
        assertThat(bans.unban(NGINX, address)).isFalse();
        assertThat(bans.jailsBanning(address)).isEmpty();
    }

    @Test
    void networkBansAreListedFoundAndLiftedAsOneEntry() {
        IpNetwork network = IpNetwork.parse("198.18.0.0/24");
        assertThat(bans.ban(BLOCKLIST, List.of(network))).isEqualTo(1);
        assertThat(sandbox.client("get", "blocklist", "banip")).contains("198.18.0.0/24");
        assertThat(bans.activeBans(BLOCKLIST)).filteredOn(b -> !b.target().isHost())
                .extracting(b -> b.target().text()).containsExactly("198.18.0.0/24");
        assertThat(bans.jailsBanning(network)).containsExactly(BLOCKLIST);
        assertThat(bans.unban(BLOCKLIST, network)).isTrue();
        assertThat(bans.activeBans(BLOCKLIST)).noneMatch(b -> b.target().equals(network));
    }

    @Test
    void aBanSentToAStalledServerIsPendingAndItsLateReplyTellsTheOutcome() throws Exception {
        try (Fail2banClient impatient = new Fail2banClient(sandbox.socket(), Duration.ofSeconds(1),
                Duration.ofMillis(500))) {
            Fail2banBanAdapter stalled = new Fail2banBanAdapter(impatient, ZoneId.systemDefault(), 500);
            IpNetwork address = IpNetwork.parse("192.0.2.77");
            sandbox.pause();
            CommandOutcomeUnknownException unknown;
            try {
                unknown = catchThrowableOfType(() -> stalled.ban(SSHD, List.of(address)),
                        CommandOutcomeUnknownException.class);
            } finally {
                sandbox.resume();
            }
            assertThat(unknown).as("fail2ban got the command while paused").isNotNull();
            assertThat(unknown.lateReply(Integer.class).get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(sandbox.client("banned", "192.0.2.77")).contains("sshd");
            assertThat(bans.unban(SSHD, address)).isTrue();
        }
    }

    @Test
    void idleModeIsSetAndCleared() {
        assertThat(jails.setIdle(NGINX, true)).isTrue();
        assertThat(jails.setIdle(NGINX, false)).isFalse();
    }

    private static List<Ban> awaitBan(JailName jail, IpNetwork address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Ban> found = bans.activeBans(jail).stream().filter(b -> b.target().equals(address)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        return List.of();
    }
}
