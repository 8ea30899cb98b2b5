package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.application.audit.QueryAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.audit.AuditPage;
import org.bangui.domain.audit.AuditQuery;
import org.bangui.domain.session.SessionId;
import org.bangui.domain.shared.InvalidInputException;

/** The audit trail, newest first, paged with an opaque keyset cursor. */
@Controller(ApiDefinition.BASE + "/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private static final int DEFAULT_LIMIT = 50;

    private final QueryAuditUseCase audit;

    AuditController(QueryAuditUseCase audit) {
        this.audit = audit;
    }

    /**
     * One page. {@code since}/{@code until} are ISO-8601 instants; {@code cursor} is the {@code nextCursor} of
     * the previous page.
     */
    @Get
    @ApiErrors.BadRequest
    public AuditResponse page(@QueryValue @Nullable String action, @QueryValue @Nullable String since,
                              @QueryValue @Nullable String until, @QueryValue @Nullable String limit,
                              @QueryValue @Nullable String cursor) {
        AuditQuery query = new AuditQuery(
                Optional.ofNullable(action).filter(a -> !a.isEmpty()).map(a -> AuditAction.fromCode(a).orElseThrow(
                        () -> new InvalidInputException("invalid_action", "unknown audit action"))),
                TimeParameters.optional(since, "since"),
                TimeParameters.optional(until, "until"), limit(limit), decodeCursor(cursor));
        AuditPage page = audit.find(query);
        return new AuditResponse(page.entries().stream().map(AuditView::of).toList(),
                page.nextBeforeId().map(AuditController::encodeCursor).orElse(null));
    }

    static int limit(String raw) { // package-private for its test
        return Inputs.limit(raw, DEFAULT_LIMIT, AuditQuery.MAX_LIMIT);
    }

    static String encodeCursor(long beforeId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("before:" + beforeId).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Long> decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("before:") && text.length() < 28) {
                long id = Long.parseLong(text.substring("before:".length()));
                if (id > 0) {
                    return Optional.of(id);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal
        }
        throw new InvalidInputException("invalid_cursor", "the cursor is not one this API returned");
    }

    /** A page of the audit trail; {@code nextCursor} is null on the last page. */
    @Serdeable
    public record AuditResponse(List<AuditView> entries, @Nullable String nextCursor) {
    }

    /**
     * One audit entry; {@code principal} is {@code admin}, {@code anonymous} or {@code system:<job>} (empty for
     * entries recorded before principals were).
     */
    @Serdeable
    public record AuditView(long id, String at, @Nullable String sessionId, String clientIp, String principal,
                            String action,
                            String target, String outcome, String detail) {

        static AuditView of(AuditPage.StoredAuditEntry stored) {
            var e = stored.entry();
            return new AuditView(stored.id(), e.at().toString(), e.sessionId().map(SessionId::value).orElse(null),
                    e.clientIp(), e.principal(), e.action().code(), e.target(), e.success() ? "success" : "failure",
                    e.detail());
        }
    }
}
