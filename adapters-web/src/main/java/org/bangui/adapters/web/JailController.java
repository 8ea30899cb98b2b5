package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.jail.ControlJailUseCase;
import org.bangui.application.jail.GetJailUseCase;
import org.bangui.application.jail.JailDetail;
import org.bangui.application.jail.ListJailsUseCase;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;

/** Jails: list, detail, start, stop and idle. */
@Controller(ApiDefinition.BASE + "/jails")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JailController {

    private final ListJailsUseCase listJails;
    private final GetJailUseCase getJail;
    private final ControlJailUseCase control;

    JailController(ListJailsUseCase listJails, GetJailUseCase getJail, ControlJailUseCase control) {
        this.listJails = listJails;
        this.getJail = getJail;
        this.control = control;
    }

    /** Every running jail with its counters. */
    @Get
    @ApiErrors.Unavailable
    public JailListResponse list() {
        return new JailListResponse(listJails.listJails().stream()
                .map(status -> JailSummary.of(status.name(), status.counters()))
                .toList());
    }

    /** One jail's counters and effective settings; 404 for an unknown jail. */
    @Get("/{name}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public JailDetailResponse detail(@PathVariable String name) {
        JailDetail detail = getJail.jail(Inputs.jail(name));
        JailConfiguration config = detail.configuration();
        return new JailDetailResponse(detail.name().value(), JailSummary.of(detail.name(), detail.counters()),
                config.banTime().seconds(), config.banTime().isPermanent(), config.findTime().toSeconds(),
                config.maxRetry(), config.logPaths(), config.ignoreIp(), config.actions(), config.failRegex());
    }

    /** Starts a jail fail2ban still knows; 204. */
    @Post("/{name}/start")
    @RateLimited(LimitedAction.JAIL_OPERATIONS)
    @ApiResponse(responseCode = "204", description = "The jail was started")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public HttpResponse<Void> start(HttpRequest<?> http, @PathVariable String name) {
        control.start(new ControlJailUseCase.JailCommand(Inputs.jail(name), RequestContext.actor(http)));
        return HttpResponse.noContent();
    }

    /** Stops a jail (fail2ban lifts its bans and forgets it until a reload); 204. */
    @Post("/{name}/stop")
    @RateLimited(LimitedAction.JAIL_OPERATIONS)
    @ApiResponse(responseCode = "204", description = "The jail was stopped")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public HttpResponse<Void> stop(HttpRequest<?> http, @PathVariable String name) {
        control.stop(new ControlJailUseCase.JailCommand(Inputs.jail(name), RequestContext.actor(http)));
        return HttpResponse.noContent();
    }

    /** Sets or clears idle mode with {@code {"idle": true|false}}. */
    @Put("/{name}/idle")
    @RateLimited(LimitedAction.JAIL_OPERATIONS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public IdleResponse idle(HttpRequest<?> http, @PathVariable String name, @Body IdleRequest request) {
        JailName jail = Inputs.jail(name);
        boolean idle = Inputs.bool(request.idle(), "idle");
        return new IdleResponse(jail.value(), control.setIdle(new ControlJailUseCase.SetIdleCommand(jail, idle,
                RequestContext.actor(http))));
    }

    /** Jail list body. */
    @Serdeable
    public record JailListResponse(List<JailSummary> jails) {
    }

    /** One jail's counters. */
    @Serdeable
    public record JailSummary(String name, long currentlyFailed, long totalFailed, long currentlyBanned,
                              long totalBanned) {

        static JailSummary of(JailName name, JailCounters counters) {
            return new JailSummary(name.value(), counters.currentlyFailed(), counters.totalFailed(),
                    counters.currentlyBanned(), counters.totalBanned());
        }
    }

    /** Jail detail body; {@code banTimeSeconds} is -1 for permanent bans. */
    @Serdeable
    public record JailDetailResponse(String name, JailSummary counters, long banTimeSeconds, boolean permanentBans,
                                     long findTimeSeconds, int maxRetry, List<String> logPaths,
                                     List<String> ignoreIp, List<String> actions, List<String> failRegex) {
    }

    /** Idle request body. */
    @Serdeable
    public record IdleRequest(@Schema(type = "boolean") @Nullable Object idle) {
    }

    /** Idle state after the change. */
    @Serdeable
    public record IdleResponse(String name, boolean idle) {
    }
}
