package org.bangui.adapters.fail2ban.protocol;

import java.util.List;
import java.util.Set;

/**
 * The verb of a fail2ban command, for metrics: {@code status}, {@code set.banip}, {@code get.loglevel}... Built
 * from a fixed set of fail2ban's command words only; any other word (a jail name, an address, a value) never
 * appears in it, so the verbs are a small bounded set whatever the command carries.
 */
public final class CommandVerb {

    /** The verb of a command whose words are not fail2ban's known ones. */
    public static final String OTHER = "other";

    private static final Set<String> FIRST = Set.of("ping", "status", "get", "set", "start", "stop", "reload",
            "restart", "unban", "banned", "add", "flushlogs", "version", "echo", "help", "server-status");
    /** Server-wide settings: {@code set loglevel INFO}. */
    private static final Set<String> SERVER_SETTINGS = Set.of("loglevel", "logtarget", "syslogsocket", "dbfile",
            "dbpurgeage", "dbmaxmatches", "allowipv6");
    /** Jail settings and actions: {@code set <jail> banip <ip>}. */
    private static final Set<String> JAIL_WORDS = Set.of("banip", "unbanip", "bantime", "findtime", "maxretry",
            "maxmatches", "maxlines", "addignoreip", "delignoreip", "ignoreip", "ignoreself", "ignorecommand",
            "ignorecache", "idle", "usedns", "prefregex", "failregex", "ignoreregex", "addfailregex",
            "delfailregex", "addignoreregex", "delignoreregex", "datepattern", "journalmatch", "addjournalmatch",
            "deljournalmatch", "logpath", "addlogpath", "dellogpath", "logencoding", "banned", "actions",
            "action", "addaction", "delaction", "filter", "backend", "bancount", "attempt");

    private CommandVerb() {
    }

    /** The verb of {@code command}: its first word, and for {@code get}/{@code set} the setting or action. */
    public static String of(List<?> command) {
        if (command.isEmpty() || !(command.get(0) instanceof String first) || !FIRST.contains(first)) {
            return OTHER;
        }
        if (!first.equals("get") && !first.equals("set")) {
            return first;
        }
        if (command.size() >= 2 && command.get(1) instanceof String second && SERVER_SETTINGS.contains(second)) {
            return first + "." + second;
        }
        if (command.size() >= 3 && command.get(2) instanceof String third && JAIL_WORDS.contains(third)) {
            return first + "." + third;
        }
        return first + "." + OTHER;
    }
}
