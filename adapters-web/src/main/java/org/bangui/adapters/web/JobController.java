package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.job.ListJobsUseCase;
import org.bangui.application.job.ListJobsUseCase.JobStatus;
import org.bangui.application.job.ListJobsUseCase.SchedulerStatus;
import org.bangui.application.job.RunJobUseCase;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.job.JobRun;
import org.bangui.domain.job.JobRunPage;

/** Background jobs: the scheduler's state, manual runs, and the run history. */
@Controller(ApiDefinition.BASE + "/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JobController {

    private static final int DEFAULT_LIMIT = 50;

    private final ListJobsUseCase jobs;
    private final RunJobUseCase runner;

    JobController(ListJobsUseCase jobs, RunJobUseCase runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    /** The scheduler's role on this instance and every job's state. */
    @Get
    public JobsResponse list() {
        SchedulerStatus s = jobs.scheduler();
        return new JobsResponse(new SchedulerView(s.role().code(), s.instance(), s.holder().orElse(null), s.backend()),
                jobs.jobs().stream().map(JobView::of).toList());
    }

    /**
     * Starts a job now: 202 with the run's id. 409 {@code job_running} while it runs, 409 {@code standby} on an
     * instance that does not hold the scheduler lock (the detail names the holder), 404 {@code unknown_job}.
     */
    @Post("/{name}/run")
    @RateLimited(LimitedAction.JOBS)
    @ApiResponse(responseCode = "202", description = "The run started", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RunStarted.class)))
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unavailable
    public HttpResponse<RunStarted> run(HttpRequest<?> request, @PathVariable String name) {
        long id = runner.run(new RunJobUseCase.RunJobCommand(name, RequestContext.actor(request)));
        return HttpResponse.accepted().body(new RunStarted(id));
    }

    /** Runs, newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @Get("/runs")
    @ApiErrors.BadRequest
    public RunsResponse runs(@QueryValue @Nullable String job, @QueryValue @Nullable String limit,
                             @QueryValue @Nullable String cursor) {
        Optional<Long> before = AuditController.decodeCursor(cursor);
        JobRunPage page = jobs.runs(Optional.ofNullable(job).filter(j -> !j.isEmpty()), limit(limit),
                before.map(OptionalLong::of).orElse(OptionalLong.empty()));
        return new RunsResponse(page.runs().stream().map(RunView::of).toList(),
                page.nextBefore().isPresent() ? AuditController.encodeCursor(page.nextBefore().getAsLong()) : null);
    }

    static int limit(String raw) { // package-private for its test
        return Inputs.limit(raw, DEFAULT_LIMIT, ListJobsUseCase.MAX_LIMIT);
    }

    /** {@code GET /jobs} body. */
    @Serdeable
    public record JobsResponse(SchedulerView scheduler, List<JobView> jobs) {
    }

    /** The scheduler on this instance; {@code holder} is null while nobody holds the lock. */
    @Serdeable
    public record SchedulerView(String role, String instance, @Nullable String holder, String backend) {
    }

    /** One job; {@code lastRun} and {@code nextRunAt} may be null. */
    @Serdeable
    public record JobView(String name, String schedule, boolean running, @Nullable RunView lastRun,
                          @Nullable String nextRunAt) {

        static JobView of(JobStatus s) {
            return new JobView(s.name(), s.schedule(), s.running(), s.lastRun().map(RunView::of).orElse(null),
                    s.nextRunAt().map(Object::toString).orElse(null));
        }
    }

    /** One run; {@code id} is null for a run kept in memory only (a succeeded heartbeat or health check). */
    @Serdeable
    public record RunView(@Nullable Long id, String job, String instance, String trigger, String startedAt,
                          @Nullable String finishedAt, @Nullable String outcome, String detail) {

        static RunView of(JobRun r) {
            return new RunView(r.id() == 0 ? null : r.id(), r.job(), r.instance(), r.trigger().code(),
                    r.startedAt().toString(), r.finishedAt().map(Object::toString).orElse(null),
                    r.outcome().map(o -> o.code()).orElse(null), r.detail());
        }
    }

    /** {@code POST /jobs/{name}/run} body. */
    @Serdeable
    public record RunStarted(long runId) {
    }

    /** A page of runs; {@code nextCursor} is null on the last page. */
    @Serdeable
    public record RunsResponse(List<RunView> runs, @Nullable String nextCursor) {
    }
}
