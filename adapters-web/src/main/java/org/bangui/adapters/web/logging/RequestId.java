package org.bangui.adapters.web.logging;

import io.micronaut.http.HttpRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The id of one request: the caller's {@value #HEADER} when it is 1 to 64 characters of
 * {@code [A-Za-z0-9._-]}, else 22 random URL-safe characters. A malformed header is ignored, never logged or
 * echoed: it may carry line breaks or quotes meant to forge log lines.
 */
public final class RequestId {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = "bangui.request-id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestId() {
    }

    /** The request's id, chosen on the first call and the same on every later one. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = choose(request.getHeaders().get(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    /** {@code offered} when it is well-formed, else a new random id. */
    static String choose(String offered) {
        if (offered != null && WELL_FORMED.matcher(offered).matches()) {
            return offered;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
