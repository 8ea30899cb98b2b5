/**
 * Background jobs: the {@link org.bangui.application.job.Job} contract, the
 * {@link org.bangui.application.job.JobRunner} that owns every job (at most one run per job at a time, each run
 * recorded), and the {@link org.bangui.application.job.SchedulerLeadership} that holds the scheduler lock so that only
 * one instance runs the leader-only jobs.
 */
package org.bangui.application.job;
