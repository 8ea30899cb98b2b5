package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.config.JailTuningService;
import org.bangui.application.config.ServerSettingsService;
import org.bangui.application.config.ServerSettingsService.ServerSettings;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.jail.JailConfiguration;
import org.bangui.domain.jail.JailSettings;

/**
 * Runtime changes that are kept in the files too: a running jail's ban time, find time and retries, its ignore
 * list, and fail2ban's server settings.
 */
@Controller(ApiDefinition.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
public class JailTuningController {

    private final JailTuningService tuning;
    private final ServerSettingsService server;

    JailTuningController(JailTuningService tuning, ServerSettingsService server) {
        this.tuning = tuning;
        this.server = server;
    }

    /**
     * Sets {@code bantime}, {@code findtime} (seconds) and {@code maxretry} of a running jail; with
     * {@code "persist": true} also in its files (409/422 as for configuration writes; the runtime change is then
     * taken back).
     */
    @Put("/jails/{name}/settings")
    @RateLimited(LimitedAction.JAIL_OPERATIONS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public SettingsView settings(HttpRequest<?> http, @PathVariable String name, @Body SettingsRequest request) {
        JailSettings settings = new JailSettings(
                request.bantime() == null ? OptionalLong.empty()
                        : OptionalLong.of(Inputs.integer(request.bantime(), "bantime")),
                request.findtime() == null ? OptionalLong.empty()
                        : OptionalLong.of(Inputs.integer(request.findtime(), "findtime")),
                request.maxretry() == null ? OptionalInt.empty()
                        : OptionalInt.of(Math.toIntExact(Math.min(Integer.MAX_VALUE,
                        Math.max(Integer.MIN_VALUE, Inputs.integer(request.maxretry(), "maxretry"))))));
        boolean persist = request.persist() != null && Inputs.bool(request.persist(), "persist");
        JailConfiguration after = tuning.setSettings(RequestContext.actor(http), Inputs.jail(name), settings, persist);
        return new SettingsView(name, after.banTime().seconds(), after.findTime().toSeconds(), after.maxRetry(),
                persist);
    }

    /** Adds an address or CIDR network to a running jail's ignore list and to its files, in one step. */
    @Post("/jails/{name}/ignoreip")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public IgnoreIpView addIgnoreIp(HttpRequest<?> http, @PathVariable String name, @Body EntryRequest request) {
        return new IgnoreIpView(name, tuning.addIgnoreIp(RequestContext.actor(http), Inputs.jail(name),
                Inputs.string(request.entry(), "entry")));
    }

    /** Removes an entry from a running jail's ignore list and from its files; 404 {@code not_ignored}. */
    @Delete("/jails/{name}/ignoreip")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public IgnoreIpView removeIgnoreIp(HttpRequest<?> http, @PathVariable String name, @Body EntryRequest request) {
        return new IgnoreIpView(name, tuning.removeIgnoreIp(RequestContext.actor(http), Inputs.jail(name),
                Inputs.string(request.entry(), "entry")));
    }

    /** fail2ban's server settings as the files give them, the runtime log level, and warnings. */
    @Get("/server/settings")
    @ApiErrors.Unavailable
    public ServerSettingsView serverSettings() {
        return ServerSettingsView.of(server.settings());
    }

    /**
     * Sets {@code loglevel}, {@code dbpurgeage} (at least 1 hour; applied at once) and the {@code bantime.*}
     * increment defaults (applied by the next reload).
     */
    @Put("/server/settings")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public ServerSettingsView updateServerSettings(HttpRequest<?> http, @Body Map<String, Object> request) {
        return ServerSettingsView.of(server.update(RequestContext.actor(http), ConfigViews.texts(request)));
    }

    /**
     * fail2ban's server settings as the files give them ({@code loglevel}, {@code dbpurgeage}, {@code bantime.*}),
     * the runtime log level, and warnings.
     */
    @Serdeable
    record ServerSettingsView(Map<String, String> values, String runtimeLogLevel, List<String> warnings) {
        static ServerSettingsView of(ServerSettings settings) {
            return new ServerSettingsView(settings.values(), settings.runtimeLogLevel(), settings.warnings());
        }
    }

    /** Runtime settings; each optional. */
    @Serdeable
    record SettingsRequest(@Schema(type = "integer") @Nullable Object bantime,
                           @Schema(type = "integer") @Nullable Object findtime,
                           @Schema(type = "integer") @Nullable Object maxretry,
                           @Schema(type = "boolean") @Nullable Object persist) {
    }

    /** The jail's settings after the change. */
    @Serdeable
    record SettingsView(String name, long bantime, long findtime, int maxretry, boolean persisted) {
    }

    /** {@code {"entry": "192.0.2.0/24"}}. */
    @Serdeable
    record EntryRequest(@Nullable Object entry) {
    }

    /** The jail's runtime ignore list after the change. */
    @Serdeable
    record IgnoreIpView(String jail, List<String> ignoreip) {
    }
}
