package org.bangui.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code bangui.fail2ban.*} settings ({@code BANGUI_FAIL2BAN_*} in the environment), as written: the raw input
 * that {@link Fail2banConfig#from} parses once at start-up.
 *
 * @param socket the fail2ban server socket
 * @param configDir fail2ban's configuration directory
 * @param client the fail2ban-client executable, used for configuration tests and reloads
 * @param connectTimeout how long a connection attempt may take
 * @param timeout how long one command may take, including the wait for other callers
 * @param connections how many commands may be in flight at once, each on a kept connection
 * @param banBatchSize addresses per {@code banip} command
 * @param timeZone the zone fail2ban formats ban times in; {@code system} for this host's zone
 * @param outcomeWait how long a ban or unban whose reply timed out waits for fail2ban's late reply before it
 *                    answers 503 {@code outcome_unknown} (the outcome is then recorded when it is known)
 * @param clientTimeout how long one run of {@code fail2ban-client} (test, reload) or of the regex compiler may take
 * @param filterTestTimeout how long one {@code fail2ban-regex} filter test may take (against catastrophic regexes)
 */
@ConfigurationProperties("bangui.fail2ban")
public record Fail2banSettings(
        @NotBlank @Bindable(defaultValue = "/var/run/fail2ban/fail2ban.sock") String socket,
        @NotBlank @Bindable(defaultValue = "/etc/fail2ban") String configDir,
        @NotBlank @Bindable(defaultValue = "fail2ban-client") String client,
        @NotBlank @Bindable(defaultValue = "2s") String connectTimeout,
        @NotBlank @Bindable(defaultValue = "10s") String timeout,
        @Min(1) @Max(64) @Bindable(defaultValue = "4") int connections,
        @Min(1) @Max(5000) @Bindable(defaultValue = "500") int banBatchSize,
        @NotBlank @Bindable(defaultValue = "system") String timeZone,
        @NotBlank @Bindable(defaultValue = "5s") String outcomeWait,
        @NotBlank @Bindable(defaultValue = "60s") String clientTimeout,
        @NotBlank @Bindable(defaultValue = "10s") String filterTestTimeout) {
}
