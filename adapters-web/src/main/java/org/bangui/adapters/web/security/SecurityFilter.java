package org.bangui.adapters.web.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Guards every request, in this order: resolve the client address; apply the global per-client limit; admit
 * the {@link RouteRules#isMetrics metrics endpoint} with the {@link MetricsToken bearer token} only; let
 * {@link PublicRoute public routes} (probes, setup, login) through; before setup, refuse everything else;
 * require a valid session; require the CSRF token on state-changing requests; apply the route's
 * {@link RateLimited per-action limit}. Every rule is read from the route the request matched (Micronaut
 * matches routes before it runs this filter), never from the path, so no spelling of a path changes the
 * rules; a request that matched no route is protected. Failures are answered as problem documents by the
 * same handler as every other domain failure. Runs after Micronaut's CORS filter, so CORS preflight requests
 * are answered before they get here.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityFilter implements Ordered {

    /** The header that carries the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final SetupUseCase setup;
    private final SessionUseCase sessions;
    private final CheckRateLimitUseCase rateLimits;
    private final ClientAddressResolver clients;
    private final MetricsToken metricsToken;
    private final DomainExceptionHandler problems;
    private final Scheduler blocking;

    public SecurityFilter(SetupUseCase setup, SessionUseCase sessions, CheckRateLimitUseCase rateLimits,
                          ClientAddressResolver clients, MetricsToken metricsToken, DomainExceptionHandler problems,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.setup = setup;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.clients = clients;
        this.metricsToken = metricsToken;
        this.problems = problems;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /**
     * Decides on the event loop when nothing needs I/O (the common case: a recently validated session), and
     * on the blocking executor when the session store, or the account before setup, must be read or written.
     * The blocking work runs in the request's propagated context, so its log lines carry the request id.
     */
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> guard(HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        Actor actor = Actor.anonymous(clients.resolve(request.getRemoteAddress(),
                request.getHeaders().get("X-Forwarded-For")));
        request.setAttribute(RequestContext.ACTOR, actor);
        if (!rateLimits.checksInProcess()) { // a shared store (Redis) is network I/O: never on the event loop
            return inRequestContext(() -> guardBlocking(request, actor))
                    .subscribeOn(blocking)
                    .flatMapMany(refusal -> decide(refusal, chain));
        }
        try {
            rateLimits.check(LimitedAction.GLOBAL, actor.clientIp());
            if (isMetrics(request)) {
                return decide(scraper(request), chain);
            }
            if (route(request).map(RouteRules::isPublic).orElse(false)) {
                return chain.proceed();
            }
            Optional<String> cookie = request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue);
            if (setup.isKnownComplete() && cookie.isPresent()) {
                Optional<Session> known = sessions.recentlyValidated(cookie.get());
                if (known.isPresent()) {
                    return decide(admit(request, actor, known.get()), chain);
                }
            }
        } catch (DomainException refused) {
            return Mono.just(refuse(request, refused));
        }
        return inRequestContext(() -> authenticate(request, actor))
                .subscribeOn(blocking)
                .flatMapMany(refusal -> decide(refusal, chain));
    }

    private static Publisher<MutableHttpResponse<?>> decide(Optional<MutableHttpResponse<?>> refusal,
            FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        return refusal.<Publisher<MutableHttpResponse<?>>>map(Mono::just).orElseGet(chain::proceed);
    }

    /** {@code work}, run in the request's propagated context (its log fields) on whichever thread runs it. */
    private static <T> Mono<T> inRequestContext(Supplier<T> work) {
        return Mono.fromSupplier(PropagatedContext.getOrEmpty().wrap(work));
    }

    /** The whole decision on the blocking executor, for a rate-limit store that is not in this process. */
    private Optional<MutableHttpResponse<?>> guardBlocking(HttpRequest<?> request, Actor actor) {
        try {
            rateLimits.check(LimitedAction.GLOBAL, actor.clientIp());
        } catch (DomainException refused) {
            return Optional.of(refuse(request, refused));
        }
        if (isMetrics(request)) {
            return scraper(request);
        }
        return route(request).map(RouteRules::isPublic).orElse(false) ? Optional.empty()
                : authenticate(request, actor);
    }

    private static boolean isMetrics(HttpRequest<?> request) {
        return route(request).map(RouteRules::isMetrics).orElse(false);
    }

    /**
     * The metrics endpoint: the bearer token, or the management port; a session does not count. Empty lets it
     * through; a refusal carries the bearer challenge (RFC 6750).
     */
    private Optional<MutableHttpResponse<?>> scraper(HttpRequest<?> request) {
        if (metricsToken.admits(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                request.getServerAddress().getPort())) {
            return Optional.empty();
        }
        MutableHttpResponse<?> refused = refuse(request, AuthenticationException.bearerTokenRequired());
        return Optional.of(refused.header(HttpHeaders.WWW_AUTHENTICATE, MetricsToken.CHALLENGE));
    }

    private Optional<MutableHttpResponse<?>> authenticate(HttpRequest<?> request, Actor actor) {
        try {
            if (!setup.isComplete()) {
                throw SetupException.required();
            }
            String cookie = request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue)
                    .orElseThrow(AuthenticationException::required);
            return admit(request, actor, sessions.authenticate(cookie, actor));
        } catch (DomainException refused) {
            return Optional.of(refuse(request, refused));
        }
    }

    /** A valid session: the CSRF check and the per-action limit remain. Empty lets the request through. */
    private Optional<MutableHttpResponse<?>> admit(HttpRequest<?> request, Actor actor, Session session) {
        try {
            request.setAttribute(RequestContext.SESSION, session);
            request.setAttribute(RequestContext.ACTOR, new Actor(Optional.of(session.id()), actor.clientIp()));
            Optional<RouteInfo<?>> route = route(request);
            if (RouteRules.changesState(request.getMethod(), route)) {
                sessions.checkCsrf(session, request.getHeaders().get(CSRF_HEADER));
            }
            Optional<LimitedAction> limited = route.flatMap(RouteRules::limitedAction);
            if (limited.isPresent()) {
                rateLimits.check(limited.get(), actor.clientIp());
            }
            return Optional.empty();
        } catch (DomainException refused) {
            return Optional.of(refuse(request, refused));
        }
    }

    /** The route Micronaut matched before the filters ran; empty for a request that matches no route. */
    private static Optional<RouteInfo<?>> route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).<RouteInfo<?>>map(RouteMatch::getRouteInfo);
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request, DomainException refused) {
        // the security headers are added by the outermost response filter, which sees this answer too
        return (MutableHttpResponse<?>) problems.handle(request, refused);
    }
}
