package org.bangui.adapters.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.shared.DomainException;

/** Runs a state change and records exactly one audit entry for it, success or failure. */
@Singleton
public class AuditTrail {

    private static final int MAX_TARGET = 120;

    private final RecordAuditUseCase audit;

    AuditTrail(RecordAuditUseCase audit) {
        this.audit = audit;
    }

    /**
     * @param target what is acted on, as the client sent it; stored printable and truncated
     */
    public <T> T record(HttpRequest<?> request, AuditAction action, String target, Supplier<T> change) {
        String shown = printable(target);
        try {
            T result = change.get();
            audit.record(RequestContext.actor(request), action, shown, "");
            return result;
        } catch (DomainException failure) {
            audit.record(RequestContext.actor(request), action, shown, failure.code());
            throw failure;
        }
    }

    /** Same for a change without a result. */
    public void record(HttpRequest<?> request, AuditAction action, String target, Runnable change) {
        record(request, action, target, () -> {
            change.run();
            return null;
        });
    }

    static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_TARGET));
        for (int i = 0; i < raw.length() && out.length() < MAX_TARGET; i++) {
            char c = raw.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
