package org.bangui.adapters.web.ui;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bangui.adapters.web.problem.SecurityHeaders;

/**
 * A file served from the class path (the web UI's files, Swagger UI's), with its ETag: a hash of its bytes.
 * {@link #answer} gives it out as the UI routes do: 304 on a matching {@code If-None-Match}, the route's own
 * {@code Cache-Control}, and the UI's strict security headers.
 */
public record StaticFile(byte[] bytes, String contentType, String etag) {

    public static StaticFile of(byte[] bytes, String contentType) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new StaticFile(bytes, contentType, "\"" + hash.substring(0, 32) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The response to {@code request} for this file, with {@code cacheControl} kept by the security filter. */
    public HttpResponse<byte[]> answer(HttpRequest<?> request, String cacheControl) {
        request.setAttribute(SecurityHeaders.OWN_CACHING, Boolean.TRUE);
        MutableHttpResponse<byte[]> response;
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else {
            response = HttpResponse.ok(bytes).contentType(contentType);
        }
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                // the same file goes out gzipped or not by the request's Accept-Encoding: caches keep both apart
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Content-Security-Policy", UiController.CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }
}
