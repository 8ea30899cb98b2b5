package org.bangui.adapters.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.bangui.domain.shared.DomainException;

/**
 * Renders every JSON error response as a problem document: the framework's own errors (no such route,
 * method not allowed, malformed JSON, unsupported media type) as well as the exceptions mapped by
 * {@link DomainExceptionHandler}. Server errors never carry the exception's message.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    private static final int MAX_DETAIL = 300;

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        String code = context.getRootCause()
                .filter(DomainException.class::isInstance)
                .map(cause -> ((DomainException) cause).code())
                .orElseGet(() -> defaultCode(status));
        String detail;
        if (status.getCode() >= 500 && !(context.getRootCause().orElse(null) instanceof DomainException)) {
            detail = "the server could not complete the request";
        } else {
            detail = context.getErrors().isEmpty() ? null : truncate(context.getErrors().get(0).getMessage());
        }
        return new Problem("urn:bangui:problem:" + code, status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), code);
    }

    private static String defaultCode(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "body_too_large";
            case BAD_REQUEST -> "bad_request";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "...";
    }
}
