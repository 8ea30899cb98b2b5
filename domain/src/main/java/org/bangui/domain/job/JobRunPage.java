package org.bangui.domain.job;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of runs, newest first.
 *
 * @param runs the runs
 * @param nextBefore the id to pass as {@code beforeId} for the next page; empty on the last page
 */
public record JobRunPage(List<JobRun> runs, OptionalLong nextBefore) {

    /** @throws NullPointerException if any component is null */
    public JobRunPage {
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        Objects.requireNonNull(nextBefore, "nextBefore");
    }
}
