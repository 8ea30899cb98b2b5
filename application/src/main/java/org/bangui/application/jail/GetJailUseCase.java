package org.bangui.application.jail;

import org.bangui.domain.jail.JailName;

/** Reads one jail. */
public interface GetJailUseCase {

    /**
     * @throws org.bangui.domain.jail.UnknownJailException if the jail does not exist
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    JailDetail jail(JailName name);
}
