package org.bangui.adapters.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.netty.NettyHttpRequestBuilder;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A request that could not be read at the protocol level: Netty's decoder gave up on it (request line or
 * headers too long, garbage) or {@link MalformedUriGuard} found its target unparsable. Micronaut answers these
 * without routing and without filters, with 413 or 400 whatever the cause; this names the precise status.
 * The request Micronaut holds is then often a placeholder (Netty's {@code /bad-request}), so its path is never
 * shown.
 *
 * @param status the status to answer
 * @param code the problem's code
 * @param detail the problem's detail
 */
record ProtocolFailure(HttpStatus status, String code, String detail) {

    /** The protocol failure of {@code request}, if it has one. */
    static Optional<ProtocolFailure> of(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequestBuilder netty)) {
            return Optional.empty();
        }
        DecoderResult result = netty.toHttpRequestWithoutBody().decoderResult();
        if (result == null || !result.isFailure()) {
            return Optional.empty();
        }
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return Optional.of(new ProtocolFailure(HttpStatus.REQUEST_URI_TOO_LONG, "uri_too_long",
                    "the request line is too long; shorten the URL"));
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Optional.of(new ProtocolFailure(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
                    "the request headers are too large"));
        }
        if (cause instanceof TooLongFrameException) {
            return Optional.of(new ProtocolFailure(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                    "the request is too large"));
        }
        if (cause instanceof URISyntaxException) {
            return Optional.of(new ProtocolFailure(HttpStatus.BAD_REQUEST, "malformed_uri",
                    "the URL is malformed; check its percent-escapes"));
        }
        return Optional.of(new ProtocolFailure(HttpStatus.BAD_REQUEST, "malformed_request",
                "the request could not be read"));
    }
}
