package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.Optional;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.PublicRoute;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.setup.SetupUseCase;

/** First-run setup: reachable without a session; completing it needs the one-time setup token. */
@Controller(ApiDefinition.BASE + "/setup")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SetupController {

    private final SetupUseCase setup;

    SetupController(SetupUseCase setup) {
        this.setup = setup;
    }

    /** Whether setup has been completed. */
    @Get
    @PublicRoute
    public SetupStatus status() {
        return new SetupStatus(setup.isComplete());
    }

    /** Sets the administrator password and optional settings; 201, 409 once complete, 403 for a bad token. */
    @Post
    @PublicRoute
    @ApiResponse(responseCode = "201", description = "Setup is complete", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SetupStatus.class)))
    @ApiErrors.BadRequest
    @ApiErrors.Forbidden
    @ApiErrors.Conflict
    public HttpResponse<SetupStatus> complete(HttpRequest<?> request, @Body SetupRequest body) {
        Optional<Duration> lifetime = Optional.ofNullable(body.sessionLifetimeSeconds())
                .map(value -> Duration.ofSeconds(Inputs.integer(value, "sessionLifetimeSeconds")));
        setup.complete(new SetupUseCase.SetupCommand(
                Inputs.string(body.setupToken(), "setupToken"),
                Inputs.string(body.password(), "password"),
                Optional.ofNullable(body.fail2banSocket()).map(v -> Inputs.string(v, "fail2banSocket")),
                Optional.ofNullable(body.fail2banConfigDir()).map(v -> Inputs.string(v, "fail2banConfigDir")),
                lifetime,
                RequestContext.actor(request)));
        return HttpResponse.status(HttpStatus.CREATED).body(new SetupStatus(true));
    }

    /** Setup state. */
    @Serdeable
    public record SetupStatus(boolean complete) {
    }

    /** Setup request body; every field is a raw JSON value so that wrong types are refused, not coerced. */
    @Serdeable
    public record SetupRequest(@Schema(type = "string") @Nullable Object setupToken,
                               @Schema(type = "string", minLength = 12) @Nullable Object password,
                               @Schema(type = "string", nullable = true) @Nullable Object fail2banSocket,
                               @Schema(type = "string", nullable = true) @Nullable Object fail2banConfigDir,
                               @Schema(type = "integer", nullable = true) @Nullable Object sessionLifetimeSeconds) {

        @Override
        public String toString() {
            return "SetupRequest[...]";
        }
    }
}
