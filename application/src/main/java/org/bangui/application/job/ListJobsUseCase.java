package org.bangui.application.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;

/** What the scheduler does: its role, the jobs, and their past runs. */
public interface ListJobsUseCase {

    /** The most runs one page lists. */
    int MAX_LIMIT = 200;

    /** The scheduler as this instance sees it. */
    record SchedulerStatus(SchedulerLeadership.Role role, String instance, Optional<String> holder, String backend) {
    }

    /** One job's state; {@code lastRun} is the newest ended run. */
    record JobStatus(String name, String schedule, boolean running, Optional<JobRun> lastRun,
                     Optional<Instant> nextRunAt) {
    }

    /** Never throws. */
    SchedulerStatus scheduler();

    /** Every job, in registration order. Never throws: a run store failure leaves {@code lastRun} empty. */
    List<JobStatus> jobs();

    /**
     * Runs newest first (keyset paging by id).
     *
     * @throws org.bangui.domain.shared.InvalidInputException {@code invalid_job} for an unknown job,
     *         {@code invalid_limit} for a limit outside 1..{@value #MAX_LIMIT}
     */
    JobRunPage runs(Optional<String> job, int limit, OptionalLong beforeId);
}
