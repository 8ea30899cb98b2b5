package org.bangui.adapters.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bangui.domain.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every JSON error response as a problem document: the exceptions mapped by
 * {@link DomainExceptionHandler} with their own code and message, and the framework's errors (no such route,
 * method not allowed, malformed JSON, unsupported media type, unreadable requests) with short, fixed wording
 * from {@link FrameworkProblems} and {@link ProtocolFailure}. The framework's own message, which may name
 * Java types or quote the body, is logged at debug level only; server errors never carry a message.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemBodyProvider.class);
    private static final int MAX_DETAIL = 300;
    private static final int MAX_INSTANCE = 200;
    /** Where a JSON parser stopped: the only part of its message worth logging (the rest may quote the body). */
    private static final Pattern LOCATION = Pattern.compile("line: \\d+, column: \\d+");

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        HttpRequest<?> request = context.getRequest();
        Optional<Throwable> cause = context.getRootCause();
        if (cause.orElse(null) instanceof DomainException domain) {
            return problem(status, domain.code(), truncate(domain.getMessage()), instance(request));
        }
        Optional<ProtocolFailure> unreadable = ProtocolFailure.of(request);
        if (unreadable.isPresent()) {
            // the path is Netty's placeholder, or the very thing that was too long or malformed: leave it out
            return problem(status, unreadable.get().code(), unreadable.get().detail(), null);
        }
        FrameworkProblems.Described described = FrameworkProblems.describe(status, cause.orElse(null));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} answered {} {}: {}", request.getMethodName(), instance(request), status.getCode(),
                    described.code(), cause.map(ProblemBodyProvider::loggable).orElse(""));
        }
        return problem(status, described.code(), described.detail(), instance(request));
    }

    private static Problem problem(HttpStatus status, String code, String detail, String instance) {
        return new Problem("urn:bangui:problem:" + code, status.getReason(), status.getCode(), detail, instance, code);
    }

    private static String instance(HttpRequest<?> request) {
        String path = request.getPath();
        return path.length() <= MAX_INSTANCE ? path : path.substring(0, MAX_INSTANCE) + "...";
    }

    /**
     * The cause for the debug log: its type, and its message unless it comes from reading JSON, whose messages
     * may quote the body (a password among it); for those only the position.
     */
    private static String loggable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerdeException || t.getClass().getName().contains("Json")
                    || t.getClass().getName().startsWith("com.fasterxml.")) {
                Matcher location = LOCATION.matcher(String.valueOf(t.getMessage()));
                return cause.getClass().getName() + " (JSON " + (location.find() ? location.group() : "error") + ")";
            }
        }
        return cause.getClass().getName() + ": " + truncate(cause.getMessage());
    }

    private static String truncate(String message) {
        if (message == null) {
            return null;
        }
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "...";
    }
}
