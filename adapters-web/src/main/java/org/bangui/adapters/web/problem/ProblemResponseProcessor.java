package org.bangui.adapters.web.problem;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's one hook for every error body, used by its exception handlers, by its answers to requests it
 * could not route, and by its answers to requests it could not even read (which no filter sees). Replaces the
 * default processor so that every error is a problem document, never an HTML page (a browser's
 * {@code Accept: text/html} would otherwise get one), with the precise status of a protocol failure (414, 431
 * instead of 413; see {@link ProtocolFailure}) and with the {@link SecurityHeaders}.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final ProblemBodyProvider bodies;

    public ProblemResponseProcessor(ProblemBodyProvider bodies) {
        this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("unchecked") // the body is set to a Problem below, or there is none (HEAD)
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        ProtocolFailure.of(context.getRequest()).ifPresent(failure -> response.status(failure.status()));
        SecurityHeaders.apply(response);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        return response.body(bodies.body(context, response)).contentType(Problem.MEDIA_TYPE);
    }
}
