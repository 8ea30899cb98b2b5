package org.bangui.application.job;

import org.bangui.application.audit.Actor;

/** Starts a job at once, on request. */
public interface RunJobUseCase {

    /** The job to run and who asks. */
    record RunJobCommand(String job, Actor actor) {
    }

    /**
     * Starts the job in the background through the same at-most-once guard as its schedule, records the start
     * and audits the request ({@code job_run}, success or failure).
     *
     * @return the id of the new run
     * @throws UnknownJobException if no job has this name
     * @throws StandbyException if this instance does not hold the scheduler lock
     * @throws JobRunningException if the job is running already
     */
    long run(RunJobCommand command);
}
