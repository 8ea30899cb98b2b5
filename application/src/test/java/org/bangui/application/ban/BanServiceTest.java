package org.bangui.application.ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bangui.application.FakeFail2ban;
import org.bangui.application.audit.Actor;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ban.BanAddressUseCase.BanCommand;
import org.bangui.application.ban.UnbanAddressUseCase.UnbanCommand;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.ban.BanRefusedException;
import org.bangui.domain.ban.NotBannedException;
import org.bangui.domain.contract.InMemoryHistoryArchiveFake.Call;
import org.bangui.domain.geo.GeoInfo;
import org.bangui.domain.geo.GeoLookupPort;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.net.IpNetwork;
import org.bangui.domain.server.CommandOutcomeUnknownException;
import org.bangui.domain.server.CommandRejectedException;
import org.bangui.domain.server.ServerUnavailableException;
import org.bangui.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class BanServiceTest {

    private static final JailName SSHD = JailName.of("sshd");
    private static final JailName WEB = JailName.of("web");
    private static final Actor ADMIN = Actor.anonymous("192.0.2.7");
    private static final GeoLookupPort GEO = address -> address.text().startsWith("203.0.113.")
            ? new GeoInfo(Optional.of("NL"), Optional.empty(), Optional.empty()) : GeoInfo.UNKNOWN;

    private final FakeFail2ban fail2ban = new FakeFail2ban("sshd", "web");
    private final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    private final RecordAuditUseCase auditTrail = (actor, action, target, failure) ->
            audit.add(action.code() + " " + target + " " + (failure.isEmpty() ? "success" : failure));
    private final BanChanges changes = new BanChanges(fail2ban.history, GEO, auditTrail,
            Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(200));
    private final BanService service = new BanService(fail2ban, fail2ban, fail2ban, changes);
    private final UnbanService unbans = new UnbanService(fail2ban, changes);

    private static IpNetwork ip(String text) {
        return IpNetwork.parse(text).normalized();
    }

    private void ban(JailName jail, String target) {
        service.ban(new BanCommand(jail, ip(target), ADMIN));
    }

    @Test
    void bansAndArchivesTheBan() {
        ban(SSHD, "203.0.113.1");
        assertThat(fail2ban.jailsBanning(ip("203.0.113.1"))).containsExactly(SSHD);
        assertThat(fail2ban.history.calls).singleElement().satisfies(call -> {
            assertThat(call.type()).isEqualTo("ban");
            assertThat(call.at()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
            assertThat(call.origin()).isEqualTo(BanOrigin.MANUAL);
        });
        assertThat(fail2ban.history.entries).singleElement().satisfies(entry -> {
            assertThat(entry.ban.banSeconds()).contains(600L);
            assertThat(entry.ban.country()).contains("NL");
            assertThat(entry.ban.failures()).isZero();
            assertThat(entry.synced).isFalse();
        });
    }

    @Test
    void refusesAddressOnTheJailsIgnoreListWithoutBanning() {
        assertThatThrownBy(() -> ban(SSHD, "192.0.2.250")).isInstanceOf(BanRefusedException.class);
        assertThat(fail2ban.bans.get(SSHD)).isEmpty();
        assertThat(fail2ban.history.calls).isEmpty();
    }

    @Test
    void refusesTheHostsOwnAddressAndNetworksContainingIt() {
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.254")).isInstanceOf(BanRefusedException.class);
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.0/24")).isInstanceOf(BanRefusedException.class);
        assertThat(fail2ban.bansSent).isZero();
    }

    @Test
    void skipsHostnamesInIgnoreIpButChecksTheLiterals() {
        fail2ban.ignoreIp.put(SSHD, List.of("gateway.example", "2001:db8::/32"));
        assertThatThrownBy(() -> ban(SSHD, "2001:db8::9")).isInstanceOf(BanRefusedException.class);
    }

    @Test
    void secondBanOfTheSameAddressIsAConflictAndIsNeverSent() {
        ban(SSHD, "203.0.113.1");
        int sent = fail2ban.bansSent;
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.1")).isInstanceOf(AlreadyBannedException.class);
        assertThat(fail2ban.bansSent).as("a refused duplicate must not restart fail2ban's ban").isEqualTo(sent);
        assertThat(fail2ban.history.calls).hasSize(1);
    }

    @Test
    void banInUnknownJailFailsBeforeAnythingIsBanned() {
        assertThatThrownBy(() -> ban(JailName.of("nope"), "203.0.113.1")).isInstanceOf(UnknownJailException.class);
    }

    @Test
    void networksAreBannedAndUnbannedAsOneEntry() {
        ban(SSHD, "198.18.0.9/24");
        assertThat(fail2ban.jailsBanning(ip("198.18.0.0/24"))).containsExactly(SSHD);
        assertThat(unbans.unban(new UnbanCommand(ip("198.18.0.0/24"), Optional.of(SSHD), ADMIN))).isEqualTo(1);
        assertThat(fail2ban.history.calls).extracting(Call::ip).containsExactly("198.18.0.0/24", "198.18.0.0/24");
        assertThat(fail2ban.history.entries).singleElement().satisfies(entry -> {
            assertThat(entry.endReason).isEqualTo(EndReason.UNBANNED);
            assertThat(entry.ban.country()).isEmpty();
        });
    }

    @Test
    void unbanFromOneJailLeavesTheOthers() {
        ban(SSHD, "203.0.113.2");
        ban(WEB, "203.0.113.2");
        assertThat(unbans.unban(new UnbanCommand(ip("203.0.113.2"), Optional.of(SSHD), ADMIN))).isEqualTo(1);
        assertThat(fail2ban.jailsBanning(ip("203.0.113.2"))).containsExactly(WEB);
        assertThatThrownBy(() -> unbans.unban(new UnbanCommand(ip("203.0.113.2"), Optional.of(SSHD), ADMIN)))
                .isInstanceOf(NotBannedException.class);
    }

    @Test
    void unbanEverywhereArchivesOneEventPerJail() {
        ban(SSHD, "203.0.113.3");
        ban(WEB, "203.0.113.3");
        assertThat(unbans.unban(new UnbanCommand(ip("203.0.113.3"), Optional.empty(), ADMIN))).isEqualTo(2);
        assertThat(fail2ban.history.calls).extracting(Call::type, Call::jail).containsExactly(
                tuple("ban", "sshd"), tuple("ban", "web"), tuple("end", "sshd"), tuple("end", "web"));
        assertThat(fail2ban.history.entries).allSatisfy(entry -> {
            assertThat(entry.endReason).isEqualTo(EndReason.UNBANNED);
            assertThat(entry.endedBy).isEqualTo("anonymous");
        });
        assertThatThrownBy(() -> unbans.unban(new UnbanCommand(ip("203.0.113.3"), Optional.empty(), ADMIN)))
                .isInstanceOf(NotBannedException.class);
    }

    @Test
    void aLateReplyWithinTheWaitIsTheRealOutcome() {
        fail2ban.stall = CompletableFuture.completedFuture(1);
        ban(SSHD, "203.0.113.4");
        assertThat(fail2ban.history.calls).extracting(Call::type).containsExactly("ban");
    }

    @Test
    void aLateReplyAfterTheWaitIsAuditedAndArchivedWhenItComes() {
        CompletableFuture<Object> late = new CompletableFuture<>();
        fail2ban.stall = late;
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.5")).isInstanceOf(CommandOutcomeUnknownException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("outcome_unknown");
        assertThat(fail2ban.history.calls).isEmpty();
        assertThat(audit).containsExactly("ban sshd/203.0.113.5 outcome_unknown");

        late.complete(fail2ban.lateResults.get(0));
        assertThat(fail2ban.history.calls).extracting(Call::type).containsExactly("ban");
        assertThat(audit).containsExactly("ban sshd/203.0.113.5 outcome_unknown", "ban sshd/203.0.113.5 success");
    }

    @Test
    void aLostReplyIsSettledByReadingTheStateBack() {
        fail2ban.stall = CompletableFuture.failedFuture(new ServerUnavailableException("connection lost", null));
        ban(SSHD, "203.0.113.6");
        assertThat(fail2ban.history.calls).extracting(Call::type).containsExactly("ban");

        fail2ban.stall = CompletableFuture.failedFuture(new ServerUnavailableException("connection lost", null));
        assertThat(unbans.unban(new UnbanCommand(ip("203.0.113.6"), Optional.of(SSHD), ADMIN))).isEqualTo(1);
        assertThat(fail2ban.history.calls).extracting(Call::type).containsExactly("ban", "end");
    }

    @Test
    void aLateRefusalIsReportedAsTheRefusal() {
        fail2ban.stall = CompletableFuture.failedFuture(new CommandRejectedException("no"));
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.7")).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void anUnreachableServerAfterALostReplyLeavesTheOutcomeUnknown() {
        fail2ban.stall = CompletableFuture.failedFuture(new ServerUnavailableException("connection lost", null));
        fail2ban.onStall = () -> fail2ban.online = false;
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.8")).isInstanceOf(CommandOutcomeUnknownException.class);
        assertThat(fail2ban.history.calls).isEmpty();
    }

    @Test
    void parallelBansAndUnbansOfOneAddressAreArchivedInFail2bansOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean banning = i % 2 == 0;
            calls.add(pool.submit(() -> {
                start.await();
                try {
                    if (banning) {
                        ban(SSHD, "203.0.113.9");
                    } else {
                        unbans.unban(new UnbanCommand(ip("203.0.113.9"), Optional.of(SSHD), ADMIN));
                    }
                } catch (AlreadyBannedException | NotBannedException expected) {
                    // the other kind of request got there first
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        List<String> types = fail2ban.history.calls.stream().map(Call::type).toList();
        for (int i = 1; i < types.size(); i++) {
            assertThat(types.get(i)).as("event %d of %s", i, types).isNotEqualTo(types.get(i - 1));
        }
        boolean banned = fail2ban.jailsBanning(ip("203.0.113.9")).contains(SSHD);
        assertThat(types.get(types.size() - 1)).isEqualTo(banned ? "ban" : "end");
    }

    @Test
    void auditActionOfLateUnbanNamesTheJail() {
        ban(SSHD, "203.0.113.10");
        CompletableFuture<Object> late = new CompletableFuture<>();
        fail2ban.stall = late;
        assertThatThrownBy(() -> unbans.unban(new UnbanCommand(ip("203.0.113.10"), Optional.of(SSHD), ADMIN)))
                .isInstanceOf(CommandOutcomeUnknownException.class);
        late.complete(Boolean.TRUE);
        assertThat(audit).containsExactly("ban sshd/203.0.113.10 success",
                AuditAction.UNBAN.code() + " sshd/203.0.113.10 outcome_unknown",
                AuditAction.UNBAN.code() + " sshd/203.0.113.10 success");
    }

    @Test
    void everyRequestIsAuditedOnceWithItsOutcome() {
        ban(SSHD, "203.0.113.11");
        assertThatThrownBy(() -> ban(SSHD, "203.0.113.11")).isInstanceOf(AlreadyBannedException.class);
        assertThatThrownBy(() -> ban(SSHD, "192.0.2.250")).isInstanceOf(BanRefusedException.class);
        unbans.unban(new UnbanCommand(ip("203.0.113.11"), Optional.empty(), ADMIN));
        assertThatThrownBy(() -> unbans.unban(new UnbanCommand(ip("203.0.113.11"), Optional.of(SSHD), ADMIN)))
                .isInstanceOf(NotBannedException.class);
        assertThat(audit).containsExactly("ban sshd/203.0.113.11 success", "ban sshd/203.0.113.11 already_banned",
                "ban sshd/192.0.2.250 address_ignored", "unban_all 203.0.113.11 success",
                "unban sshd/203.0.113.11 not_banned");
    }

    @Test
    void aJobsBanIsAuditedWithItsSystemActor() {
        List<Actor> actors = new ArrayList<>();
        BanChanges jobChanges = new BanChanges(fail2ban.history, GEO,
                (actor, action, target, failure) -> actors.add(actor), Clock.systemUTC(), Duration.ofMillis(200));
        new BanService(fail2ban, fail2ban, fail2ban, jobChanges).ban(new BanCommand(SSHD, ip("203.0.113.12"),
                Actor.system("blocklist_import")));
        assertThat(actors).extracting(Actor::principal).containsExactly("system:blocklist_import");
    }
}
