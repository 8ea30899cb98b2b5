package org.bangui.adapters.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.util.Locale;

/** Short, safe reasons for Redis failures: for problem details, probes and logs, never the URL or a password. */
final class RedisFailures {

    private RedisFailures() {
    }

    /** Why the command failed, in a few words. */
    static String reason(RedisException e) {
        if (e instanceof RedisCommandTimeoutException) {
            return "did not answer in time";
        }
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT);
            if (text.contains("NOAUTH") || text.contains("WRONGPASS") || text.contains("INVALID PASSWORD")) {
                return "refused the credentials";
            }
        }
        if (e instanceof RedisConnectionException || message.contains("NOT CONNECTED")
                || message.contains("CONNECTION")) {
            return "is not reachable";
        }
        return "failed";
    }
}
