package org.bangui.domain.jail;

import java.util.Objects;

/** A running jail and its counters. */
public record JailStatus(JailName name, JailCounters counters) {

    /** @throws NullPointerException if any component is null */
    public JailStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(counters, "counters");
    }
}
