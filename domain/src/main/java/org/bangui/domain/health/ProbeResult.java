package org.bangui.domain.health;

import java.util.Objects;

/**
 * The outcome of one probe.
 *
 * @param up whether the component is usable
 * @param detail a short human-readable detail (a version, or why it is down); never a secret
 */
public record ProbeResult(boolean up, String detail) {

    /** @throws NullPointerException if detail is null */
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
    }

    public static ProbeResult up(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult down(String detail) {
        return new ProbeResult(false, detail);
    }
}
