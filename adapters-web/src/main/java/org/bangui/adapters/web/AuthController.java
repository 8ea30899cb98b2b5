package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.PublicRoute;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.adapters.web.security.SessionCookie;
import org.bangui.application.session.LoginUseCase;
import org.bangui.application.session.SessionUseCase;
import org.bangui.application.setup.SetupService;
import org.bangui.domain.session.Session;
import org.bangui.domain.shared.InvalidInputException;

/** Login, logout and the current session. */
@Controller(ApiDefinition.BASE + "/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final LoginUseCase login;
    private final SessionUseCase sessions;
    private final SessionCookie cookie;

    AuthController(LoginUseCase login, SessionUseCase sessions, SessionCookie cookie) {
        this.login = login;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Checks the password, sets the session cookie and returns the CSRF token; 401 with a generic message. */
    @Post("/login")
    @PublicRoute
    @ApiErrors.BadRequest
    @ApiErrors.Unauthenticated
    public HttpResponse<LoginResponse> login(HttpRequest<?> request, @Body LoginRequest body) {
        String password = Inputs.string(body.password(), "password");
        if (password.length() > SetupService.MAX_PASSWORD) {
            throw new InvalidInputException("invalid_password", "the password is too long");
        }
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        LoginUseCase.LoginResult result = login.login(new LoginUseCase.LoginCommand(password,
                RequestContext.actor(request), userAgent == null ? "" : userAgent));
        Session session = result.session();
        return HttpResponse.ok(new LoginResponse(result.csrfToken(), session.expiresAt().toString(),
                        session.absoluteExpiresAt().toString(), session.id().value()))
                .cookie(cookie.issue(result.cookieValue(),
                        Duration.between(Instant.now(), session.absoluteExpiresAt())));
    }

    /** Ends the session server-side and clears the cookie; 204. */
    @Post("/logout")
    @ApiResponse(responseCode = "204", description = "The session has ended and the cookie is cleared")
    public HttpResponse<Void> logout(HttpRequest<?> request) {
        sessions.logout(RequestContext.session(request), RequestContext.actor(request));
        return HttpResponse.<Void>noContent().cookie(cookie.clear());
    }

    /** The current session; 401 without one. */
    @Get("/session")
    public SessionView current(HttpRequest<?> request) {
        return SessionView.of(RequestContext.session(request), true);
    }

    /** Login body. */
    @Serdeable
    public record LoginRequest(@Schema(type = "string") @Nullable Object password) {

        @Override
        public String toString() {
            return "LoginRequest[...]";
        }
    }

    /**
     * Login answer. {@code expiresAt} is when the session ends unless used again; {@code absoluteExpiresAt}
     * when it ends regardless.
     */
    @Serdeable
    public record LoginResponse(String csrfToken, String expiresAt, String absoluteExpiresAt, String sessionId) {

        @Override
        public String toString() {
            return "LoginResponse[sessionId=" + sessionId + "]";
        }
    }
}
