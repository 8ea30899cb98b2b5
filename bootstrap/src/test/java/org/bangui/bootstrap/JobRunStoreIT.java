package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bangui.domain.job.JobOutcome;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;
import org.bangui.domain.job.JobRunPort;
import org.bangui.domain.job.JobTrigger;
import org.junit.jupiter.api.Test;

/**
 * The {@link JobRunPort} contract on the real SQLite adapter, outside any test transaction. Job names are unique
 * per test, so the service's own runs do not interfere.
 */
@MicronautTest(transactional = false)
class JobRunStoreIT extends SandboxedServiceTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Inject
    JobRunPort runs;

    @Test
    void startedRunIsRunningUntilFinishedAndASecondFinishChangesNothing() {
        JobRun run = runs.start("contract_a", "host:1:aa", JobTrigger.MANUAL, T);
        assertThat(run.running()).isTrue();
        assertThat(runs.latest("contract_a")).contains(run);
        runs.finish(run.id(), T.plusSeconds(2), JobOutcome.SUCCEEDED, "expired=3");
        runs.finish(run.id(), T.plusSeconds(9), JobOutcome.FAILED, "late");
        JobRun ended = runs.latest("contract_a").orElseThrow();
        assertThat(ended.outcome()).contains(JobOutcome.SUCCEEDED);
        assertThat(ended.finishedAt()).contains(T.plusSeconds(2));
        assertThat(ended.detail()).isEqualTo("expired=3");
        assertThat(ended.trigger()).isEqualTo(JobTrigger.MANUAL);
    }

    @Test
    void interruptUnfinishedSparesTheGivenInstanceAndEndedRuns() {
        JobRun other = runs.start("contract_b", "dead:2:bb", JobTrigger.SCHEDULE, T);
        JobRun mine = runs.start("contract_b", "me:3:cc", JobTrigger.SCHEDULE, T);
        JobRun ended = runs.start("contract_b", "dead:2:bb", JobTrigger.SCHEDULE, T);
        runs.finish(ended.id(), T.plusSeconds(1), JobOutcome.FAILED, "x");
        assertThat(runs.interruptUnfinished("me:3:cc", T.plusSeconds(5), "gone")).isGreaterThanOrEqualTo(1);
        List<JobRun> all = runs.list(Optional.of("contract_b"), 10, OptionalLong.empty()).runs();
        assertThat(all).filteredOn(r -> r.id() == other.id()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).contains(JobOutcome.INTERRUPTED));
        assertThat(all).filteredOn(r -> r.id() == mine.id()).singleElement()
                .satisfies(r -> assertThat(r.running()).isTrue());
        assertThat(all).filteredOn(r -> r.id() == ended.id()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).contains(JobOutcome.FAILED));
    }

    @Test
    void listIsNewestFirstAndKeysetPaged() {
        long first = runs.start("contract_c", "h:1:a", JobTrigger.SCHEDULE, T).id();
        long second = runs.start("contract_c", "h:1:a", JobTrigger.SCHEDULE, T).id();
        long third = runs.start("contract_c", "h:1:a", JobTrigger.SCHEDULE, T).id();
        JobRunPage page1 = runs.list(Optional.of("contract_c"), 2, OptionalLong.empty());
        assertThat(page1.runs()).extracting(JobRun::id).containsExactly(third, second);
        assertThat(page1.nextBefore()).hasValue(second);
        JobRunPage page2 = runs.list(Optional.of("contract_c"), 2, page1.nextBefore());
        assertThat(page2.runs()).extracting(JobRun::id).containsExactly(first);
        assertThat(page2.nextBefore()).isEmpty();
    }
}
