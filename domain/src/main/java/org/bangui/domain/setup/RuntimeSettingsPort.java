package org.bangui.domain.setup;

/** Applies the settings chosen at setup (fail2ban socket and config dir, session lifetime) to the running service. */
public interface RuntimeSettingsPort {

    /** Applies the account's settings; values it does not carry keep their configured defaults. */
    void apply(AdminAccount account);
}
