package org.bangui.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.AuditEntry;
import org.bangui.domain.audit.AuditPage;
import org.bangui.domain.audit.AuditPort;
import org.bangui.domain.audit.AuditQuery;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;
import org.bangui.domain.session.SessionId;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    private final List<AuditEntry> stored = new ArrayList<>();
    private final AuditPort port = new AuditPort() {
        @Override
        public void append(AuditEntry entry) {
            stored.add(entry);
        }

        @Override
        public AuditPage find(AuditQuery query) {
            throw new UnsupportedOperationException();
        }
    };
    private final AuditService service = new AuditService(port,
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aStoreFailureOfAnyKindIsLoggedAndNeverFailsTheChangeThatIsAudited() {
        AuditService failing = new AuditService(new AuditPort() {
            @Override
            public void append(AuditEntry entry) {
                throw new IllegalStateException("cannot commit - no transaction is active");
            }

            @Override
            public AuditPage find(AuditQuery query) {
                throw new UnsupportedOperationException();
            }
        }, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

        assertThatCode(() -> failing.record(Actor.system("session_cleanup"), AuditAction.JOB_RUN, "x", ""))
                .doesNotThrowAnyException();
    }

    @Test
    void recordsThePrincipalOfPeopleAndJobs() {
        service.record(new Actor(Optional.of(SessionId.of("0123456789abcdef0123456789abcdef")), "192.0.2.7"),
                AuditAction.BAN, "sshd/a", "");
        service.record(Actor.anonymous("192.0.2.8"), AuditAction.LOGIN, "", "invalid_credentials");
        service.record(Actor.system("session_cleanup"), AuditAction.UNBAN, "sshd/b", "");
        assertThat(stored).extracting(AuditEntry::principal).containsExactly("admin", "anonymous",
                "system:session_cleanup");
        assertThat(stored.get(2).clientIp()).isEmpty();
        assertThat(stored.get(1).success()).isFalse();
    }

    @Test
    void storesTheTargetPrintableAndTruncated() {
        service.record(Actor.anonymous("192.0.2.8"), AuditAction.BAN, "a\nb\u00e9" + "x".repeat(300), "");
        assertThat(stored.get(0).target()).startsWith("a?b?x").hasSize(AuditTargets.MAX_TARGET);
        assertThat(AuditTargets.printable(null)).isEmpty();
    }

    @Test
    void recordOutcomeRecordsOneEntryForSuccessAndOneForAFailureCode() {
        Actor job = Actor.system("blocklist_import");
        assertThat(service.recordOutcome(job, AuditAction.JAIL_START, "sshd", () -> 7)).isEqualTo(7);
        assertThatThrownBy(() -> service.recordOutcome(job, AuditAction.JAIL_START, "nope", () -> {
            throw new UnknownJailException(JailName.of("nope"));
        })).isInstanceOf(UnknownJailException.class);
        assertThat(stored).extracting(AuditEntry::target, AuditEntry::success, AuditEntry::detail)
                .containsExactly(tuple("sshd", true, ""),
                        tuple("nope", false, "unknown_jail"));
    }
}
