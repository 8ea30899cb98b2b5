package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import org.bangui.application.dashboard.DashboardStatus;
import org.bangui.application.dashboard.GetDashboardStatusUseCase;

/** The live dashboard summary. */
@Controller(ApiDefinition.BASE + "/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    private final GetDashboardStatusUseCase dashboard;

    DashboardController(GetDashboardStatusUseCase dashboard) {
        this.dashboard = dashboard;
    }

    /** fail2ban's state and the counters summed over all jails; 200 even when fail2ban is offline. */
    @Get("/status")
    public DashboardResponse status() {
        DashboardStatus status = dashboard.status();
        return new DashboardResponse(
                new Fail2banState(status.online(), status.version().orElse(null),
                        status.database().flatMap(d -> d.file()).orElse(null),
                        status.database().flatMap(d -> d.purgeAge()).map(Duration::toSeconds).orElse(null)),
                status.jailCount(),
                new Counter(status.totals().currentlyBanned(), status.totals().totalBanned()),
                new Counter(status.totals().currentlyFailed(), status.totals().totalFailed()),
                status.observedAt().toString());
    }

    /** Dashboard body. */
    @Serdeable
    public record DashboardResponse(Fail2banState fail2ban, int jailCount, Counter banned, Counter failed,
                                    String observedAt) {
    }

    /**
     * Whether fail2ban answers, its version, and its own database: fail2ban deletes ban records older than
     * {@code purgeAgeSeconds}, BanGUI's archive keeps them.
     */
    @Serdeable
    public record Fail2banState(boolean online, @Nullable String version, @Nullable String databaseFile,
                                @Nullable Long purgeAgeSeconds) {
    }

    /** A current and a running-total count. */
    @Serdeable
    public record Counter(long current, long total) {
    }
}
