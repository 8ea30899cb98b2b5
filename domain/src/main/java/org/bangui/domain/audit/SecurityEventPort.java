package org.bangui.domain.audit;

/** Emits security events to the structured log. Must not throw. */
public interface SecurityEventPort {

    /** Emits one event. */
    void emit(SecurityEvent event);
}
