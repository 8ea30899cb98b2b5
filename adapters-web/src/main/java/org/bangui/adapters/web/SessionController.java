package org.bangui.adapters.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.adapters.web.security.SessionCookie;
import org.bangui.application.session.SessionUseCase;
import org.bangui.domain.session.Session;
import org.bangui.domain.session.SessionId;

/** Active sessions: list and revoke. */
@Controller(ApiDefinition.BASE + "/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    private final SessionUseCase sessions;
    private final SessionCookie cookie;

    SessionController(SessionUseCase sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Active sessions, newest first; the caller's own is marked {@code current}. */
    @Get
    public SessionList list(HttpRequest<?> request) {
        Session own = RequestContext.session(request);
        return new SessionList(sessions.activeSessions().stream()
                .map(s -> SessionView.of(s, s.id().equals(own.id()))).toList());
    }

    /** Revokes one session; 204, 404 if no such active session. Revoking one's own also clears the cookie. */
    @Delete("/{id}")
    @ApiResponse(responseCode = "204", description = "The session was revoked")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable String id) {
        SessionId target = SessionId.of(id);
        sessions.revoke(target, RequestContext.actor(request));
        MutableHttpResponse<Void> response = HttpResponse.noContent();
        return target.equals(RequestContext.session(request).id()) ? response.cookie(cookie.clear()) : response;
    }

    /** Session list body. */
    @Serdeable
    public record SessionList(List<SessionView> sessions) {
    }
}
