package org.bangui.application.jail;

import org.bangui.application.audit.Actor;
import org.bangui.domain.jail.JailName;

/** Starts a jail fail2ban no longer knows (a stopped jail is forgotten until a reload) from the files. */
public interface ForgottenJails {

    /**
     * Starts the jail again from the configuration.
     *
     * @throws org.bangui.domain.config.UnknownConfigException if no file defines it
     */
    void start(Actor actor, JailName jail);
}
