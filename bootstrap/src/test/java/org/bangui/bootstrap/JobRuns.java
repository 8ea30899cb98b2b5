package org.bangui.bootstrap;

import java.time.Duration;
import java.util.Map;
import org.bangui.domain.contract.Eventually;

/** Runs a job through the API and waits for its run to end. */
final class JobRuns {

    private JobRuns() {
    }

    /** Starts {@code job} (waiting while a run of it is in progress) and returns its finished run record. */
    static Map<String, Object> runAndWait(Api api, String job, Duration limit) {
        long[] id = new long[1];
        Eventually.await(job + " starts", limit, () -> {
            Api.Response started = api.post("/api/v1/jobs/" + job + "/run", null);
            if (started.status() == 202) {
                id[0] = ((Number) started.json().get("runId")).longValue();
                return true;
            }
            if (started.status() != 409) {
                throw new AssertionError("cannot start " + job + ": " + started);
            }
            return false;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object>[] run = new Map[1];
        Eventually.await(job + " run " + id[0] + " ends", limit, () -> {
            for (Map<String, Object> candidate : api.get("/api/v1/jobs/runs?job=" + job + "&limit=20").list("runs")) {
                if (((Number) candidate.get("id")).longValue() == id[0] && candidate.get("outcome") != null) {
                    run[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        return run[0];
    }
}
