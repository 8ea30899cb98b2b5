package org.bangui.application.config;

import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.DomainException;

/** Only jails BanGUI created may be deleted through it (409 {@code not_created_by_bangui}). */
public final class NotCreatedByBanGuiException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotCreatedByBanGuiException(ConfigName name) {
        super("not_created_by_bangui", Category.CONFLICT,
                "jail '" + name.value() + "' was not created by BanGUI; disable it instead");
    }
}
