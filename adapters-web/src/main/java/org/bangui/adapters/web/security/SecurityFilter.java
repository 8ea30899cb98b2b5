package org.bangui.adapters.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import org.bangui.adapters.web.problem.DomainExceptionHandler;
import org.bangui.application.audit.Actor;
import org.bangui.application.ratelimit.CheckRateLimitUseCase;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.application.session.SessionUseCase;
import org.bangui.application.setup.SetupUseCase;
import org.bangui.domain.session.AuthenticationException;
import org.bangui.domain.session.Session;
import org.bangui.domain.setup.SetupException;
import org.bangui.domain.shared.DomainException;

/**
 * Guards every request, in this order: resolve the client address; apply the global per-client limit; let
 * probes, setup and login through; before setup, refuse everything else; require a valid session; require the
 * CSRF token on state-changing requests; apply the per-action limit. Failures are answered as problem
 * documents by the same handler as every other domain failure. Runs after Micronaut's CORS filter, so CORS
 * preflight requests are answered before they get here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityFilter implements Ordered {

    /** The header that carries the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final SetupUseCase setup;
    private final SessionUseCase sessions;
    private final CheckRateLimitUseCase rateLimits;
    private final ClientAddressResolver clients;
    private final DomainExceptionHandler problems;

    public SecurityFilter(SetupUseCase setup, SessionUseCase sessions, CheckRateLimitUseCase rateLimits,
                          ClientAddressResolver clients, DomainExceptionHandler problems) {
        this.setup = setup;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        Actor actor = Actor.anonymous(clients.resolve(request.getRemoteAddress(),
                request.getHeaders().get("X-Forwarded-For")));
        request.setAttribute(RequestContext.ACTOR, actor);
        try {
            rateLimits.check(LimitedAction.GLOBAL, actor.clientIp());
            HttpMethod method = request.getMethod();
            String path = request.getPath();
            if (RouteRules.isPublic(method, path)) {
                return null;
            }
            if (!setup.isComplete()) {
                throw SetupException.required();
            }
            String cookie = request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue)
                    .orElseThrow(AuthenticationException::required);
            Session session = sessions.authenticate(cookie, actor);
            request.setAttribute(RequestContext.SESSION, session);
            request.setAttribute(RequestContext.ACTOR, new Actor(Optional.of(session.id()), actor.clientIp()));
            if (RouteRules.changesState(method)) {
                sessions.checkCsrf(session, request.getHeaders().get(CSRF_HEADER));
            }
            Optional<LimitedAction> limited = RouteRules.limitedAction(method, path);
            if (limited.isPresent()) {
                rateLimits.check(limited.get(), actor.clientIp());
            }
            return null;
        } catch (DomainException refused) {
            // the response filter below does not see answers given here: add its headers now
            HttpResponse<?> problem = problems.handle(request, refused);
            if (problem instanceof MutableHttpResponse<?> mutable) {
                headers(request, mutable);
            }
            return problem;
        }
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (request.getPath().startsWith("/api/")) {
            // API answers are per-user and may hold tokens (login): never cache them
            response.getHeaders().set("Cache-Control", "no-store");
        }
    }
}
