package org.bangui.adapters.web.logging;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bangui.domain.session.SessionId;
import org.slf4j.MDC;

/**
 * Puts {@value #REQUEST_ID} (and {@value #SESSION} once the security filter has admitted the request's
 * session) into the MDC of whichever thread Micronaut runs a piece of the request on, and restores that
 * thread's MDC when the piece ends, so no id outlives its request on a shared event-loop or worker thread.
 * The session is read on every entry because the security filter learns it after this element was added.
 */
record RequestLogContext(String requestId, Supplier<Optional<SessionId>> session)
        implements ThreadPropagatedContextElement<Map<String, String>> {

    /** The MDC key of the request id. */
    static final String REQUEST_ID = "request_id";
    /** The MDC key of the session's short hash. */
    static final String SESSION = "session";

    @Override
    public Map<String, String> updateThreadContext() {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(REQUEST_ID, requestId);
        Optional<SessionId> known = session.get();
        if (known.isPresent()) {
            MDC.put(SESSION, shortHash(known.get().value()));
        } else {
            MDC.remove(SESSION);
        }
        return previous;
    }

    @Override
    public void restoreThreadContext(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }

    /** The first 12 hex characters of the SHA-256 of the session id: enough to follow one session in the log. */
    static String shortHash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
