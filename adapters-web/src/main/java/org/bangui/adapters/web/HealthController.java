package org.bangui.adapters.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import org.bangui.adapters.web.security.PublicRoute;
import org.bangui.application.health.CheckHealthUseCase;
import org.bangui.application.health.CheckHealthUseCase.HealthReport;
import org.bangui.application.health.CheckHealthUseCase.Status;

/** Health, liveness and readiness probes; unauthenticated by design. */
@Controller(ApiDefinition.BASE + "/health")
public class HealthController {

    private final CheckHealthUseCase health;

    HealthController(CheckHealthUseCase health) {
        this.health = health;
    }

    /** 200 {@code ok} or {@code degraded}; 503 {@code unavailable} when fail2ban cannot be reached. */
    @Get
    @PublicRoute
    @ApiResponse(responseCode = "200", description = "`ok` or `degraded`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @ApiResponse(responseCode = "503", description = "`unavailable`: fail2ban cannot be reached", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<HealthResponse> health() {
        HealthReport report = health.health();
        return HttpResponse.status(report.status() == Status.UNAVAILABLE ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.OK).body(HealthResponse.of(report));
    }

    /** 200 while the process serves requests; checks no dependency. */
    @Get("/live")
    @PublicRoute
    public LiveResponse live() {
        return new LiveResponse("ok");
    }

    /** 200 when database, fail2ban socket and config dir are all usable; 503 lists each failed check. */
    @Get("/ready")
    @PublicRoute
    @ApiResponse(responseCode = "200", description = "Every check passed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @ApiResponse(responseCode = "503", description = "At least one check failed; `failed` lists them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HealthResponse.class)))
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<HealthResponse> ready() {
        HealthReport report = health.readiness();
        HealthResponse body = HealthResponse.of(report);
        return report.status() == Status.OK ? HttpResponse.ok(body)
                : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Health body. */
    @Serdeable
    public record HealthResponse(String status, List<ComponentView> components, List<String> failed) {

        static HealthResponse of(HealthReport report) {
            List<ComponentView> components = report.components().stream()
                    .map(c -> new ComponentView(c.name(), c.result().up() ? "up" : "down", c.result().detail()))
                    .toList();
            List<String> failed = report.components().stream().filter(c -> !c.result().up())
                    .map(CheckHealthUseCase.Component::name).toList();
            return new HealthResponse(report.status().name().toLowerCase(Locale.ROOT), components, failed);
        }
    }

    /** One component. */
    @Serdeable
    public record ComponentView(String name, String status, String detail) {
    }

    /** Liveness body. */
    @Serdeable
    public record LiveResponse(String status) {
    }
}
