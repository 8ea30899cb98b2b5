package org.bangui.adapters.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bangui.domain.session.SessionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogContextTest {

    private static final SessionId SESSION = SessionId.of("0123456789abcdef0123456789abcdef");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void setsTheRequestIdAndLeavesAThreadWithoutAnyMdcEmptyAgain() {
        RequestLogContext context = new RequestLogContext("req-1", Optional::empty);
        Map<String, String> previous = context.updateThreadContext();
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("request_id", "req-1"));
        context.restoreThreadContext(previous);
        assertThat(MDC.get("request_id")).isNull();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void restoresWhatTheThreadHadBefore() {
        MDC.put("request_id", "outer");
        MDC.put("other", "kept");
        RequestLogContext context = new RequestLogContext("inner", () -> Optional.of(SESSION));
        Map<String, String> previous = context.updateThreadContext();
        assertThat(MDC.get("request_id")).isEqualTo("inner");
        context.restoreThreadContext(previous);
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("request_id", "outer", "other", "kept"));
    }

    @Test
    void addsTheSessionHashOnceTheSessionIsKnownAndNeverTheSessionId() {
        AtomicReference<Optional<SessionId>> known = new AtomicReference<>(Optional.empty());
        RequestLogContext context = new RequestLogContext("req-2", known::get);
        context.restoreThreadContext(context.updateThreadContext());
        known.set(Optional.of(SESSION));
        Map<String, String> previous = context.updateThreadContext();
        assertThat(MDC.get("session")).isEqualTo(RequestLogContext.shortHash(SESSION.value()))
                .hasSize(12).isNotEqualTo(SESSION.value());
        context.restoreThreadContext(previous);
        assertThat(MDC.get("session")).isNull();
    }
}
