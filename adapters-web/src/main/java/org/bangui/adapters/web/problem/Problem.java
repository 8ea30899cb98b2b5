package org.bangui.adapters.web.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem document, plus a stable {@code code} for programs.
 *
 * @param type a URI naming the problem type
 * @param title the short, fixed summary of the status
 * @param status the HTTP status
 * @param detail what went wrong with this request; never a stack trace
 * @param instance the request path
 * @param code a stable lower-case identifier such as {@code unknown_jail}
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      String code) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
