package org.bangui.adapters.web.problem;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.bangui.adapters.web.logging.RequestId;
import org.bangui.domain.session.ForbiddenException;

/**
 * The outermost response filter: adds the {@link SecurityHeaders} and the {@link RequestId} to every response, and
 * gives an error that has no body a problem document. The only such errors are refusals by filters that answer with a
 * bare status; a 403 to a request with an {@code Origin} is Micronaut's CORS filter refusing a foreign origin (or a
 * preflight for a method or header that is not allowed).
 * Registered twice because Micronaut runs a pre-matching response filter only when a pre-matching filter
 * answered before routing (a CORS preflight), and the ordinary one, first in order, for everything else.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class EveryResponseFilter implements Ordered {

    private final ErrorResponseProcessor<?> errors;

    public EveryResponseFilter(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** Answers given before routing: CORS preflights. */
    @PreMatching
    @ResponseFilter
    public MutableHttpResponse<?> finishUnrouted(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return finish(request, response);
    }

    /** Every other answer: routes, Micronaut's errors, and refusals by filters (CORS, security). */
    @ResponseFilter
    public MutableHttpResponse<?> finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        SecurityHeaders.apply(response, request.getAttribute(SecurityHeaders.OWN_CACHING).isPresent());
        response.getHeaders().set(RequestId.HEADER, RequestId.of(request));
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        ErrorContext.Builder context = ErrorContext.builder(request);
        if (response.code() == HttpStatus.FORBIDDEN.getCode() && request.getOrigin().isPresent()) {
            context.cause(new ForbiddenException("cors_not_allowed",
                    "this cross-origin request is not allowed (its origin, method or headers)"));
        }
        return errors.processResponse(context.build(), response);
    }
}
