package org.bangui.application.config;

import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.DomainException;

/** A jail, filter or action of that name exists already (409 {@code config_exists}). */
public final class ConfigExistsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConfigExistsException(ConfigKind kind, ConfigName name) {
        super("config_exists", Category.CONFLICT, "a " + kind.code() + " named '" + name.value() + "' exists already");
    }
}
