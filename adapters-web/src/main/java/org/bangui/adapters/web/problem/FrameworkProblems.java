package org.bangui.adapters.web.problem;

import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.exceptions.HttpException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short, stable wording for the failures the framework reports (routing, content negotiation, binding,
 * JSON). The framework's own messages name Java types, libraries and configuration and may quote the body, so
 * none of their text reaches a client: only names that are ours (a field or parameter name) are kept.
 */
final class FrameworkProblems {

    /**
     * What to answer.
     *
     * @param code the problem's code
     * @param detail the problem's detail
     */
    record Described(String code, String detail) {
    }

    /** serde's wording for a field the target type does not have; the name is the client's. */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]*)]");
    /** Field and parameter names that are safe to repeat. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private FrameworkProblems() {
    }

    static Described describe(HttpStatus status, Throwable cause) {
        if (cause instanceof JsonSyntaxException) {
            return new Described("malformed_json", "malformed JSON body");
        }
        if (cause instanceof ConversionErrorException conversion) {
            return conversion(conversion);
        }
        if (cause instanceof UnsatisfiedRouteException unsatisfied) {
            return missing(unsatisfied.getArgument());
        }
        if (cause instanceof UnsatisfiedArgumentException unsatisfied) {
            return missing(unsatisfied.getArgument());
        }
        return byStatus(status, cause);
    }

    private static Described conversion(ConversionErrorException conversion) {
        Throwable reason = conversion.getConversionError().getCause();
        if (isJson(reason) || isBody(conversion.getArgument())) {
            Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(reason == null ? null : reason.getMessage()));
            if (unknown.find()) {
                String field = unknown.group(1);
                return new Described("unknown_field", NAME.matcher(field).matches() ? "unknown field '" + field + "'"
                        : "unknown field in the JSON body");
            }
            return reason instanceof JsonSyntaxException ? new Described("malformed_json", "malformed JSON body")
                    : new Described("invalid_body", "the JSON body does not have the expected structure");
        }
        return new Described("invalid_parameter", "invalid value for " + name(conversion.getArgument()));
    }

    private static Described missing(Argument<?> argument) {
        if (isBody(argument)) {
            return new Described("missing_body", "a JSON body is required");
        }
        return new Described("missing_parameter", "missing required value " + name(argument));
    }

    private static Described byStatus(HttpStatus status, Throwable cause) {
        return switch (status) {
            case NOT_FOUND -> new Described("not_found", "no such resource");
            case METHOD_NOT_ALLOWED -> new Described("method_not_allowed",
                    "this method is not allowed on this resource");
            case UNSUPPORTED_MEDIA_TYPE -> new Described("unsupported_media_type",
                    "send the body as application/json");
            case NOT_ACCEPTABLE -> new Described("not_acceptable",
                    "this API answers with application/json or application/problem+json only");
            case REQUEST_ENTITY_TOO_LARGE -> new Described("body_too_large", "the request body is too large");
            case BAD_REQUEST -> cause instanceof HttpException
                    ? new Described("bad_request", "the request could not be read")
                    : new Described("bad_request", "the request is malformed");
            case UNAUTHORIZED -> new Described("unauthorized", "a valid session is required");
            case FORBIDDEN -> new Described("forbidden", "the request is not allowed");
            default -> new Described(status.name().toLowerCase(Locale.ROOT), status.getCode() >= 500
                    ? "the server could not complete the request" : status.getReason().toLowerCase(Locale.ROOT));
        };
    }

    private static boolean isBody(Argument<?> argument) {
        return argument != null && argument.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    private static boolean isJson(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerdeException || t instanceof JsonSyntaxException
                    || t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    private static String name(Argument<?> argument) {
        String name = argument == null ? "" : argument.getName();
        return NAME.matcher(name).matches() ? "'" + name + "'" : "a parameter";
    }
}
