package org.bangui.application.audit;

import java.util.function.Supplier;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.shared.DomainException;

/** Records state changes in the audit trail. */
public interface RecordAuditUseCase {

    /**
     * Appends one entry stamped now. Never throws: a store failure is logged, because the change it describes
     * has already happened.
     *
     * @param target what was acted on (jail, address, session id); empty string if nothing in particular. It is
     *               stored as {@link AuditTargets#printable}
     * @param failureCode empty on success, else the failure's code
     */
    void record(Actor actor, AuditAction action, String target, String failureCode);

    /**
     * Runs {@code change} and records exactly one entry for it: success when it returns, the failure's code
     * when it throws a {@link DomainException} (which is rethrown). Other exceptions are not audited: they are
     * bugs, not outcomes.
     *
     * @return what {@code change} returned
     */
    default <T> T recordOutcome(Actor actor, AuditAction action, String target, Supplier<T> change) {
        T result;
        try {
            result = change.get();
        } catch (DomainException failure) {
            record(actor, action, target, failure.code());
            throw failure;
        }
        record(actor, action, target, "");
        return result;
    }

    /**
     * Appends one successful entry whose detail describes the change (a configuration change's files and unified
     * diff), cut to {@link AuditTargets#MAX_DETAIL} characters. Never throws, like {@link #record}. This default
     * drops the detail; the audit service keeps it.
     */
    default void recordChange(Actor actor, AuditAction action, String target, String detail) {
        record(actor, action, target, "");
    }
}
