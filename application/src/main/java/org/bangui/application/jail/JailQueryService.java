package org.bangui.application.jail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.JailStatus;
import org.bangui.domain.jail.UnknownJailException;

/** Reads jails from the jail port. */
public final class JailQueryService implements ListJailsUseCase, GetJailUseCase {

    private final JailControlPort jails;

    public JailQueryService(JailControlPort jails) {
        this.jails = Objects.requireNonNull(jails, "jails");
    }

    @Override
    public List<JailStatus> listJails() {
        List<JailName> names = jails.jailNames();
        List<JailStatus> result = new ArrayList<>(names.size());
        for (JailName name : names) {
            try {
                result.add(new JailStatus(name, jails.counters(name)));
            } catch (UnknownJailException stoppedMeanwhile) {
                // the jail was stopped between the two commands: it is no longer running
            }
        }
        return List.copyOf(result);
    }

    @Override
    public JailDetail jail(JailName name) {
        return new JailDetail(name, jails.counters(name), jails.configuration(name));
    }
}
