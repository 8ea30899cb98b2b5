package org.bangui.adapters.web.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.bangui.domain.ratelimit.RateLimitedException;
import org.bangui.domain.shared.DomainException;

/** Maps every domain failure to its HTTP status, by category; the body comes from {@link ProblemBodyProvider}. */
@Singleton
@Produces
@Requires(classes = {DomainException.class, ExceptionHandler.class})
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {

    /** Seconds a client should wait before retrying when a dependency is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorResponseProcessor<?> errors;

    public DomainExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        HttpStatus status = switch (exception.category()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case BAD_GATEWAY -> HttpStatus.BAD_GATEWAY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        MutableHttpResponse<?> response = HttpResponse.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (exception instanceof RateLimitedException limited) {
            // whole seconds, rounded up, at least 1
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            response.header("Retry-After", Long.toString(seconds));
        }
        return errors.processResponse(ErrorContext.builder(request)
                .cause(exception)
                .errorMessage(exception.getMessage())
                .build(), response);
    }
}
