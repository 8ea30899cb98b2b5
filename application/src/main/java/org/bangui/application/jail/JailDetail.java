package org.bangui.application.jail;

import java.util.Objects;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailCounters;
import org.bangui.domain.jail.JailName;

/** One jail with its counters and effective settings. */
public record JailDetail(JailName name, JailCounters counters, JailConfiguration configuration) {

    /** @throws NullPointerException if any component is null */
    public JailDetail {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(configuration, "configuration");
    }
}
