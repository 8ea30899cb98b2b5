package org.bangui.application.config;

import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.DomainException;

/** A jail fail2ban forgot cannot be started while its files disable it (409 {@code jail_disabled}). */
public final class JailDisabledException extends DomainException {

    private static final long serialVersionUID = 1L;

    public JailDisabledException(ConfigName name) {
        super("jail_disabled", Category.CONFLICT, "jail '" + name.value()
                + "' is disabled in the configuration; enable it there first");
    }
}
