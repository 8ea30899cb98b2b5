package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bangui.adapters.web.ConfigViews.ChangeList;
import org.bangui.adapters.web.ConfigViews.ChangeView;
import org.bangui.adapters.web.ConfigViews.JailItem;
import org.bangui.adapters.web.ConfigViews.JailList;
import org.bangui.adapters.web.ConfigViews.JailView;
import org.bangui.adapters.web.ConfigViews.ValuesRequest;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.config.ConfigReloadService;
import org.bangui.application.config.ConfigService;
import org.bangui.application.config.NewJail;
import org.bangui.application.config.ReloadOutcome;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.config.ConfigChange;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.config.ConfigSnapshot;
import org.bangui.domain.config.JailSummary;
import org.bangui.domain.shared.InvalidInputException;

/**
 * fail2ban's jail configuration as files: read as fail2ban reads it, changed only in {@code .local} files and only
 * in the changed keys, checked with fail2ban's own test and regex compiler (422 {@code config_invalid}, files
 * restored), kept as versions, reloaded with recovery (502 {@code reload_failed}).
 */
@Controller(ApiDefinition.BASE + "/config")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConfigController {

    private static final int DEFAULT_CHANGES = 50;
    private static final int MAX_CHANGES = 500;

    private final ConfigService config;
    private final ConfigReloadService reloads;

    ConfigController(ConfigService config, ConfigReloadService reloads) {
        this.config = config;
        this.reloads = reloads;
    }

    /** Every jail defined in the files, enabled or not. */
    @Get("/jails")
    @ApiErrors.Unavailable
    public JailList jails() {
        return new JailList(config.snapshot().jails().stream().map(JailItem::of).toList());
    }

    /** One jail: every key it sees with the file and line that win, and what fail2ban would run for it. */
    @Get("/jails/{name}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public JailView jail(@PathVariable String name) {
        return JailView.of(config.jail(ConfigName.of(name)));
    }

    /**
     * Sets keys of a jail ({@code null} removes BanGUI's override). 409 {@code shadowed} names the file that still
     * wins; 422 {@code config_invalid} carries fail2ban's message; nothing is changed in either case.
     */
    @Put("/jails/{name}")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public JailView updateJail(HttpRequest<?> http, @PathVariable String name, @Body ValuesRequest request) {
        return JailView.of(config.updateJail(RequestContext.actor(http), ConfigName.of(name), request.texts()));
    }

    /** Enables a jail in the files (a reload starts it). */
    @Post("/jails/{name}/enable")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public JailView enable(HttpRequest<?> http, @PathVariable String name) {
        return JailView.of(config.updateJail(RequestContext.actor(http), ConfigName.of(name),
                Map.of("enabled", "true")));
    }

    /** Disables a jail in the files (a reload stops it). */
    @Post("/jails/{name}/disable")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public JailView disable(HttpRequest<?> http, @PathVariable String name) {
        return JailView.of(config.updateJail(RequestContext.actor(http), ConfigName.of(name),
                Map.of("enabled", "false")));
    }

    /**
     * Creates a jail in {@code jail.d/<name>.local}: 201. Without {@code filter} and {@code logpath} it is a
     * blocklist-only jail. 409 {@code config_exists}, 404 {@code unknown_filter}.
     */
    @Post("/jails")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiResponse(responseCode = "201", description = "The jail was created", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = JailView.class)))
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public HttpResponse<JailView> createJail(HttpRequest<?> http, @Body NewJailRequest request) {
        return HttpResponse.created(JailView.of(config.createJail(RequestContext.actor(http), request.jail())));
    }

    /** Deletes a jail BanGUI created: 204; 409 {@code not_created_by_bangui} for any other. */
    @Delete("/jails/{name}")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiResponse(responseCode = "204", description = "The jail's file was deleted")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public HttpResponse<Void> deleteJail(HttpRequest<?> http, @PathVariable String name) {
        config.deleteJail(RequestContext.actor(http), ConfigName.of(name));
        return HttpResponse.noContent();
    }

    /** The ignore lists the files give: {@code [DEFAULT]}'s and each jail's (what fail2ban would run). */
    @Get("/ignoreip")
    public IgnoreIpView ignoreIp() {
        ConfigSnapshot snapshot = config.snapshot();
        Map<String, List<String>> jails = new TreeMap<>();
        for (JailSummary jail : snapshot.jails()) {
            snapshot.jail(jail.name()).flatMap(j -> j.effective()).ifPresent(e ->
                    jails.put(jail.name().value(), e.ignoreip()));
        }
        List<String> global = Optional.ofNullable(snapshot.jailDefaults().get("ignoreip"))
                .map(v -> List.of(v.value().trim().split("\\s+"))).orElse(List.of())
                .stream().filter(s -> !s.isEmpty()).toList();
        return new IgnoreIpView(global, jails);
    }

    /** The kept versions of changed files, newest first, each with its unified diff. */
    @Get("/changes")
    @ApiErrors.BadRequest
    public ChangeList changes(@QueryValue @Nullable String limit) {
        List<ConfigChange> kept = config.changes(Inputs.limit(limit, DEFAULT_CHANGES, MAX_CHANGES));
        return new ChangeList(kept.stream().map(c -> ChangeView.of(c, config.diff(c))).toList());
    }

    /** Writes a kept version's "before" back through the same checks; the new change. */
    @Post("/changes/{id}/revert")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public ChangeView revert(HttpRequest<?> http, @PathVariable String id) {
        ConfigChange change = config.revert(RequestContext.actor(http), changeId(id));
        return ChangeView.of(change, config.diff(change));
    }

    /**
     * Tests the files, reloads one jail or every jail, and checks that every enabled jail runs. 502
     * {@code reload_failed} after a recovery: the files changed since the last good reload restored, fail2ban
     * reloaded whole.
     */
    @Post("/reload")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    @ApiErrors.BadGateway
    public ReloadView reload(HttpRequest<?> http, @Body @Nullable ReloadRequest request) {
        Optional<ConfigName> jail = Optional.ofNullable(request).map(ReloadRequest::jail).map(ConfigName::of);
        ReloadOutcome outcome = reloads.reload(RequestContext.actor(http), jail);
        return new ReloadView(outcome.jails(), outcome.milliseconds());
    }

    private static long changeId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException("invalid_change_id", "change ids are positive integers");
        }
        return Long.parseLong(id);
    }

    /** A new jail. */
    @Serdeable
    record NewJailRequest(@Nullable String name, @Nullable String filter, @Nullable Object logpath,
                          @Nullable Map<String, Object> values, @Nullable Boolean enabled) {
        NewJail jail() {
            return new NewJail(ConfigName.of(name), Optional.ofNullable(filter).filter(f -> !f.isBlank()),
                    ConfigViews.lines("logpath", logpath),
                    values == null ? Map.of() : ConfigViews.texts(values), enabled == null || enabled);
        }
    }

    /** {@code {"jail": "sshd"}}, or no body for every jail. */
    @Serdeable
    record ReloadRequest(@Nullable String jail) {
    }

    /** The jails fail2ban runs after the reload. */
    @Serdeable
    record ReloadView(List<String> jails, long milliseconds) {
    }

    /** The ignore lists. */
    @Serdeable
    record IgnoreIpView(List<String> global, Map<String, List<String>> jails) {
    }
}
