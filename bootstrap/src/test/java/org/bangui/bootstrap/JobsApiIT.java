package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The jobs API against the real service: state, manual runs through the runner's guard, the run history. */
@MicronautTest(transactional = false)
class JobsApiIT extends SandboxedServiceTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(10);

    @Override
    protected Map<String, String> extraProperties() {
        // the scheduled health check runs once at start only, so that the test's manual run is the only one
        return Map.of("bangui.jobs.health-check-interval", "1h");
    }

    @AfterAll
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheSchedulerAsLeaderAndEveryJob() {
        Api.Response response = api.get("/api/v1/jobs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, Object> scheduler = (Map<String, Object>) response.json().get("scheduler");
        assertThat(scheduler).containsEntry("role", "leader").containsEntry("backend", "sqlite");
        assertThat(scheduler.get("holder")).isEqualTo(scheduler.get("instance"));
        List<Object> names = response.list("jobs").stream().map(j -> j.get("name")).toList();
        assertThat(names.subList(0, 4)).containsExactly(
                "scheduler_lock_heartbeat", "health_check", "session_cleanup", "rate_limiter_cleanup");
        // then the features' jobs, in bean order
        assertThat(names.subList(4, names.size())).containsExactlyInAnyOrder(
                "geo_cache_flush", "geo_cache_cleanup", "geo_re_resolve", "history_sync", "history_retention",
                "blocklist_import");
        assertThat(response.list("jobs")).allSatisfy(j -> assertThat(j).containsKeys("schedule", "running", "lastRun",
                "nextRunAt"));
        assertThat(anonymous.get("/api/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    void tenParallelRunRequestsGiveOne202AndNine409WhileTheJobRuns() throws Exception {
        fail2ban.pause(); // health_check then waits for fail2ban: provably running while the others ask
        List<Api.Response> responses = new ArrayList<>();
        try {
            CyclicBarrier barrier = new CyclicBarrier(10);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(callers.submit(() -> {
                    barrier.await();
                    return api.post("/api/v1/jobs/health_check/run", null);
                }));
            }
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
        } finally {
            fail2ban.resume();
        }
        assertThat(responses).filteredOn(r -> r.status() == 202).hasSize(1);
        List<Api.Response> conflicts = responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(conflicts).hasSize(9);
        conflicts.forEach(r -> assertProblem(r, 409, "job_running"));
        Object runId = responses.stream().filter(r -> r.status() == 202).findFirst().orElseThrow().json().get("runId");
        assertThat(runId).isInstanceOf(Number.class);

        Api.Response audit = api.get("/api/v1/audit?action=job_run");
        assertThat(audit.list("entries")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void manualRunIsRecordedAndListedNewestFirstWithAKeysetCursor() {
        long first = ((Number) api.post("/api/v1/jobs/session_cleanup/run", null).json().get("runId")).longValue();
        Api.Response runs;
        do { // the run ends in the background
            runs = api.get("/api/v1/jobs/runs?job=session_cleanup&limit=1");
        } while (runs.list("runs").get(0).get("outcome") == null);
        Map<String, Object> newest = runs.list("runs").get(0);
        assertThat(((Number) newest.get("id")).longValue()).isEqualTo(first);
        assertThat(newest).containsEntry("trigger", "manual").containsEntry("outcome", "succeeded")
                .containsEntry("job", "session_cleanup");
        assertThat((String) newest.get("detail")).startsWith("expired=");
        long second = ((Number) api.post("/api/v1/jobs/session_cleanup/run", null).json().get("runId")).longValue();
        assertThat(second).isGreaterThan(first);
        Api.Response page1 = api.get("/api/v1/jobs/runs?job=session_cleanup&limit=1");
        assertThat(page1.list("runs").get(0).get("id")).isEqualTo((int) second);
        Object cursor = page1.json().get("nextCursor");
        assertThat(cursor).isNotNull();
        Api.Response page2 = api.get("/api/v1/jobs/runs?job=session_cleanup&limit=1&cursor=" + cursor);
        assertThat(((Number) page2.list("runs").get(0).get("id")).longValue()).isEqualTo(first);
    }

    @Test
    void badInputsAreProblems() {
        assertProblem(api.post("/api/v1/jobs/no_such_job/run", null), 404, "unknown_job");
        assertProblem(api.get("/api/v1/jobs/runs?limit=0"), 400, "invalid_limit");
        assertProblem(api.get("/api/v1/jobs/runs?limit=abc"), 400, "invalid_limit");
        assertProblem(api.get("/api/v1/jobs/runs?cursor=%21%21"), 400, "invalid_cursor");
        assertProblem(api.get("/api/v1/jobs/runs?job=nope"), 400, "invalid_job");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(ProblemChecks.problems(response)).as(response.toString()).isEmpty();
        assertThat(response.json()).as(response.toString()).containsEntry("code", code);
    }

    @Test
    void healthHasASchedulerComponent() {
        assertThat(anonymous.get("/api/v1/health").list("components")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "scheduler").containsEntry("status", "up")
                .containsEntry("detail", "leader (sqlite)"));
    }
}
