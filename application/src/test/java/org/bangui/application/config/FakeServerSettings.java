package org.bangui.application.config;

import java.util.ArrayList;
import java.util.List;
import org.bangui.domain.server.ServerSettingsPort;
import org.bangui.domain.server.ServerUnavailableException;

/** fail2ban's runtime server settings in memory; records every change it receives, can go offline. */
final class FakeServerSettings implements ServerSettingsPort {

    String logLevel = "INFO";
    long dbPurgeAge = 86_400;
    boolean online = true;
    /** fail2ban goes down right after the next change it applies. */
    boolean downAfterAChange;
    /** The changes received, as {@code loglevel=DEBUG} or {@code dbpurgeage=7200}, in order. */
    final List<String> changes = new ArrayList<>();

    private void reachable() {
        if (!online) {
            throw new ServerUnavailableException("fail2ban is down", null);
        }
    }

    @Override
    public String logLevel() {
        reachable();
        return logLevel;
    }

    @Override
    public void setLogLevel(String level) {
        reachable();
        changes.add("loglevel=" + level);
        logLevel = level;
        online = !downAfterAChange;
    }

    @Override
    public long dbPurgeAge() {
        reachable();
        return dbPurgeAge;
    }

    @Override
    public void setDbPurgeAge(long seconds) {
        reachable();
        changes.add("dbpurgeage=" + seconds);
        dbPurgeAge = seconds;
        online = !downAfterAChange;
    }
}
