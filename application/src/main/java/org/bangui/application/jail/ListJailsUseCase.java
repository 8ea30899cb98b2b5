package org.bangui.application.jail;

import java.util.List;
import org.bangui.domain.jail.JailStatus;

/** Lists the running jails. */
public interface ListJailsUseCase {

    /**
     * Every running jail with its counters, in fail2ban's order. A jail stopped between listing and counting
     * is left out.
     *
     * @throws org.bangui.domain.server.ServerUnavailableException if fail2ban cannot be reached
     */
    List<JailStatus> listJails();
}
