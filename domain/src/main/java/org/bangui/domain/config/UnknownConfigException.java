package org.bangui.domain.config;

import org.bangui.domain.shared.DomainException;

/** No jail, filter or action of that name is configured. */
public final class UnknownConfigException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnknownConfigException(ConfigKind kind, ConfigName name) {
        super("unknown_" + kind.code(), Category.NOT_FOUND, "no " + kind.code() + " '" + name.value()
                + "' is configured");
    }
}
