package org.bangui.domain.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checks and reloads the configuration with fail2ban's own tools, and tests filters against log lines. */
public interface ConfigCheckPort {

    /**
     * Runs fail2ban's configuration test ({@code fail2ban-client -c DIR -t}).
     *
     * @throws ConfigInvalidException with fail2ban's message if the test fails
     */
    void test();

    /**
     * Compiles regexes as fail2ban compiles failregex and ignoreregex ({@code -t} does not), for a filter without
     * {@code prefregex}.
     *
     * @throws ConfigInvalidException naming the first regex that does not compile
     */
    default void compile(List<String> failregex, List<String> ignoreregex) {
        compile(Optional.empty(), failregex, ignoreregex);
    }

    /**
     * Compiles regexes as fail2ban's filter compiles them ({@code -t} does not). A failregex needs a failure-id
     * group ({@code <HOST>}, {@code <F-ID>}...) unless the filter's {@code prefregex} has one (as the stock sshd
     * filter's {@code <F-MLFID>}), so the prefregex is needed to judge the failregexes of such filters.
     *
     * @param prefregex the filter's prefregex after interpolation; empty if it has none
     * @throws ConfigInvalidException naming the first regex that does not compile
     */
    void compile(Optional<String> prefregex, List<String> failregex, List<String> ignoreregex);

    /**
     * Reloads fail2ban from the files: one jail, or every jail.
     *
     * @throws ReloadFailedException with fail2ban's message if the client reports a failure
     * @throws org.bangui.domain.server.ServerUnavailableException if it did not finish in time (outcome unknown)
     */
    void reload(Optional<ConfigName> jail);

    /**
     * Stops and starts one jail from the files ({@code reload --restart}): a plain reload keeps a jail's old
     * actions when they changed, and may leave it with none.
     *
     * @throws ReloadFailedException with fail2ban's message if the client reports a failure
     */
    void restart(ConfigName jail);

    /**
     * Runs log lines through a filter ({@code fail2ban-regex}), under a time limit.
     *
     * @throws ConfigInvalidException if a regex does not compile or the run exceeds its time limit
     */
    List<LineMatch> testFilter(FilterTest test);

    /**
     * A filter test: a configured filter by name, or ad-hoc regexes.
     *
     * @param filter a configured filter, with parameters ({@code sshd[mode=aggressive]}); empty for ad-hoc regexes
     * @param failregex ad-hoc failure regexes (when {@code filter} is empty)
     * @param ignoreregex ad-hoc ignore regexes
     * @param datepattern an ad-hoc date pattern, or empty
     * @param lines the log lines, each without a line break
     */
    record FilterTest(Optional<String> filter, List<String> failregex, List<String> ignoreregex,
                      Optional<String> datepattern, List<String> lines) {

        public FilterTest {
            failregex = List.copyOf(failregex);
            ignoreregex = List.copyOf(ignoreregex);
            lines = List.copyOf(lines);
        }
    }

    /**
     * The outcome for one log line.
     *
     * @param line the line
     * @param matched whether a failregex matched and no ignoreregex did
     * @param host the failure id (address) found; empty if none
     * @param time the time fail2ban read from the line; empty if none
     */
    record LineMatch(String line, boolean matched, Optional<String> host, Optional<Instant> time) {
    }
}
