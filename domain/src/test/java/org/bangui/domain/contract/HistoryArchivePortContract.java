package org.bangui.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.BanRecord;
import org.bangui.domain.history.EndReason;
import org.bangui.domain.history.HistoryArchivePort;
import org.bangui.domain.history.HistoryArchivePort.Ending;
import org.bangui.domain.history.HistoryArchivePort.OpenEntry;
import org.bangui.domain.history.SyncMark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HistoryArchivePort} does; each implementation extends this. */
public abstract class HistoryArchivePortContract {

    protected static final Instant T = Instant.parse("2026-11-21T05:00:00Z");
    protected HistoryArchivePort archive;

    /** A new, empty archive. */
    protected abstract HistoryArchivePort emptyArchive();

    @BeforeEach
    void newArchive() {
        archive = emptyArchive();
    }

    protected static BanRecord fail2ban(String ip, Instant at, long banSeconds) {
        return new BanRecord("sshd", ip, at, Optional.of(banSeconds), 2, 5, List.of("line 1", "line \"2\""),
                Optional.of("NL"), BanOrigin.FAIL2BAN);
    }

    protected static BanRecord manual(String ip, Instant at, BanOrigin origin) {
        return new BanRecord("sshd", ip, at, Optional.of(600L), 1, 0, List.of(), Optional.empty(), origin);
    }

    private List<OpenEntry> open() {
        return archive.openEntries(T.plusSeconds(1_000_000), 0, 1000);
    }

    @Test
    void archivingTheSameBanTwiceStoresItOnce() {
        assertThat(archive.archive(List.of(fail2ban("203.0.113.1", T, 600), fail2ban("203.0.113.2", T, 600))))
                .isEqualTo(2);
        assertThat(archive.archive(List.of(fail2ban("203.0.113.1", T, 600), fail2ban("203.0.113.3", T, 600))))
                .isEqualTo(1);
        assertThat(open()).extracting(OpenEntry::ip).containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.3");
        assertThat(archive.contains("sshd", "203.0.113.1", T)).isTrue();
        assertThat(archive.contains("sshd", "203.0.113.1", T.plusSeconds(1))).isFalse();
        assertThat(archive.contains("web", "203.0.113.1", T)).isFalse();
    }

    @Test
    void fail2bansRecordOfAManualBanMergesIntoItsEntry() {
        archive.archive(List.of(manual("203.0.113.4", T.plusMillis(400), BanOrigin.MANUAL)));
        assertThat(open()).singleElement().satisfies(e -> assertThat(e.synced()).isFalse());

        assertThat(archive.archive(List.of(fail2ban("203.0.113.4", T, 600)))).isZero();
        assertThat(open()).singleElement().satisfies(e -> {
            assertThat(e.synced()).isTrue();
            assertThat(e.bannedAt()).isEqualTo(T);
            assertThat(e.banSeconds()).contains(600L);
        });
        assertThat(archive.contains("sshd", "203.0.113.4", T)).isTrue();
        assertThat(archive.archive(List.of(fail2ban("203.0.113.4", T, 600)))).isZero();
        assertThat(open()).hasSize(1);
    }

    @Test
    void fail2bansRecordMergesIntoTheOpenEntryWhenABanWasLiftedAndMadeAgainWithinTheWindow() {
        archive.archive(List.of(manual("203.0.113.9", T.plusMillis(100), BanOrigin.MANUAL)));
        archive.endOpen("sshd", "203.0.113.9", T.plusMillis(500), EndReason.UNBANNED, Optional.of("admin"));
        archive.archive(List.of(manual("203.0.113.9", T.plusMillis(800), BanOrigin.MANUAL)));

        // fail2ban deleted the first ban's record on unban; its record of the second one has a whole second
        assertThat(archive.archive(List.of(fail2ban("203.0.113.9", T, 600)))).isZero();
        assertThat(open()).singleElement().satisfies(e -> {
            assertThat(e.synced()).isTrue();
            assertThat(e.bannedAt()).isEqualTo(T);
        });
    }

    @Test
    void aRecordOutsideTheMergeWindowIsAnotherBan() {
        archive.archive(List.of(manual("203.0.113.5", T, BanOrigin.BLOCKLIST)));
        assertThat(archive.archive(List.of(fail2ban("203.0.113.5", T.plusSeconds(30), 600)))).isEqualTo(1);
        assertThat(open()).hasSize(2);
    }

    @Test
    void aManualBanArchivedAfterFail2bansRecordTakesItOver() {
        archive.archive(List.of(fail2ban("203.0.113.6", T, 600)));
        assertThat(archive.archive(List.of(manual("203.0.113.6", T.plusMillis(700), BanOrigin.MANUAL)))).isZero();
        assertThat(open()).singleElement().satisfies(e -> assertThat(e.bannedAt()).isEqualTo(T));
    }

    @Test
    void endingOpenEntriesTouchesOnlyThatJailAndIp() {
        archive.archive(List.of(fail2ban("203.0.113.7", T, 600), fail2ban("203.0.113.8", T, 600)));
        assertThat(archive.endOpen("sshd", "203.0.113.7", T.plusSeconds(10), EndReason.UNBANNED,
                Optional.of("admin"))).isEqualTo(1);
        assertThat(archive.endOpen("sshd", "203.0.113.7", T.plusSeconds(20), EndReason.UNBANNED,
                Optional.of("admin"))).isZero();
        assertThat(archive.endOpen("web", "203.0.113.8", T.plusSeconds(20), EndReason.UNBANNED,
                Optional.empty())).isZero();
        assertThat(open()).extracting(OpenEntry::ip).containsExactly("203.0.113.8");
    }

    @Test
    void expiredEntriesEndAndPermanentOnesStay() {
        archive.archive(List.of(fail2ban("203.0.113.9", T, 600), fail2ban("203.0.113.10", T, -1),
                fail2ban("203.0.113.11", T, 6000)));
        assertThat(archive.endExpired(T.plusSeconds(599))).isZero();
        assertThat(archive.endExpired(T.plusSeconds(600))).isEqualTo(1);
        assertThat(open()).extracting(OpenEntry::ip).containsExactly("203.0.113.10", "203.0.113.11");
    }

    @Test
    void endingsApplyOnceAndOpenEntriesPageByIdAndAge() {
        archive.archive(List.of(fail2ban("203.0.113.12", T, 600), fail2ban("203.0.113.13", T, 600),
                fail2ban("203.0.113.14", T.plusSeconds(100), 600)));
        List<OpenEntry> first = archive.openEntries(T.plusSeconds(50), 0, 1);
        assertThat(first).extracting(OpenEntry::ip).containsExactly("203.0.113.12");
        assertThat(archive.openEntries(T.plusSeconds(50), first.get(0).id(), 10)).extracting(OpenEntry::ip)
                .containsExactly("203.0.113.13");
        Ending removed = new Ending(first.get(0).id(), T.plusSeconds(60), EndReason.REMOVED);
        assertThat(archive.end(List.of(removed))).isEqualTo(1);
        assertThat(archive.end(List.of(removed))).isZero();
        assertThat(open()).extracting(OpenEntry::ip).containsExactly("203.0.113.13", "203.0.113.14");
    }

    @Test
    void purgeDeletesOldEntriesInBatchesButKeepsOpenPermanentBans() {
        archive.archive(List.of(fail2ban("203.0.113.15", T, 600), fail2ban("203.0.113.16", T, 600),
                fail2ban("203.0.113.17", T, -1), fail2ban("203.0.113.18", T.plusSeconds(3600), 600)));
        assertThat(archive.purgeStartedBefore(T.plusSeconds(60), 1)).isEqualTo(1);
        assertThat(archive.purgeStartedBefore(T.plusSeconds(60), 10)).isEqualTo(1);
        assertThat(archive.purgeStartedBefore(T.plusSeconds(60), 10)).isZero();
        assertThat(open()).extracting(OpenEntry::ip).containsExactly("203.0.113.17", "203.0.113.18");
    }

    @Test
    void theMarkIsKeptPerSource() {
        assertThat(archive.mark("fail2ban")).isEmpty();
        SyncMark mark = new SyncMark(42, "sshd", "203.0.113.19", T);
        archive.saveMark("fail2ban", mark);
        archive.saveMark("other", new SyncMark(7, "web", "x", T));
        assertThat(archive.mark("fail2ban")).contains(mark);
        SyncMark later = new SyncMark(43, "web", "2001:db8::1", T.plusSeconds(1));
        archive.saveMark("fail2ban", later);
        assertThat(archive.mark("fail2ban")).contains(later);
    }
}
