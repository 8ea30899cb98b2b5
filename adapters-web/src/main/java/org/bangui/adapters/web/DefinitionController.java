package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bangui.adapters.web.ConfigViews.DefinitionView;
import org.bangui.adapters.web.ConfigViews.NameList;
import org.bangui.adapters.web.ConfigViews.ValuesRequest;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.config.ConfigService;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.config.ConfigCheckPort.FilterTest;
import org.bangui.domain.config.ConfigCheckPort.LineMatch;
import org.bangui.domain.config.ConfigKind;
import org.bangui.domain.config.ConfigName;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Filters and actions as files: read, changed in their {@code .local} files, created; filters tested against log
 * lines with {@code fail2ban-regex}. The same checks and answers as the jail configuration routes.
 */
@Controller(ApiDefinition.BASE + "/config")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DefinitionController {

    /** Log lines one filter test takes at most. */
    static final int MAX_LINES = 1000;

    private final ConfigService config;

    DefinitionController(ConfigService config) {
        this.config = config;
    }

    /** Every filter, by name. */
    @Get("/filters")
    public NameList filters() {
        return new NameList(config.snapshot().filters().stream().map(ConfigName::value).toList());
    }

    /** One filter: its files, keys with where they win, and its regexes after interpolation. */
    @Get("/filters/{name}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public DefinitionView filter(@PathVariable String name) {
        return DefinitionView.of(config.definition(ConfigKind.FILTER, ConfigName.of(name)));
    }

    /** Sets keys of a filter ({@code init/<key>} for its parameters); regexes as one string a line, or a list. */
    @Put("/filters/{name}")
    @RateLimited(LimitedAction.FILTERS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public DefinitionView updateFilter(HttpRequest<?> http, @PathVariable String name, @Body ValuesRequest request) {
        return DefinitionView.of(config.updateDefinition(RequestContext.actor(http), ConfigKind.FILTER,
                ConfigName.of(name), request.texts()));
    }

    /** Creates a filter in {@code filter.d/<name>.local}: 201; 409 {@code config_exists}. */
    @Post("/filters")
    @RateLimited(LimitedAction.FILTERS)
    @ApiResponse(responseCode = "201", description = "The filter was created", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DefinitionView.class)))
    @ApiErrors.BadRequest
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public HttpResponse<DefinitionView> createFilter(HttpRequest<?> http, @Body NewFilterRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("failregex", String.join("\n", ConfigViews.lines("failregex", request.failregex())));
        List<String> ignore = ConfigViews.lines("ignoreregex", request.ignoreregex());
        if (!ignore.isEmpty()) {
            values.put("ignoreregex", String.join("\n", ignore));
        }
        if (request.datepattern() != null && !request.datepattern().isBlank()) {
            values.put("datepattern", request.datepattern());
        }
        return HttpResponse.created(DefinitionView.of(config.createDefinition(RequestContext.actor(http),
                ConfigKind.FILTER, ConfigName.of(request.name()), values)));
    }

    /** Runs log lines through a configured filter: per line, whether it matched, the address and the time. */
    @Post("/filters/{name}/test")
    @RateLimited(LimitedAction.FILTERS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unprocessable
    public FilterTestView testFilter(@PathVariable String name, @Body LinesRequest request) {
        // the check adapter answers 404 for a filter with no file: no need to parse the whole dir first
        ConfigName filter = ConfigName.of(name);
        return FilterTestView.of(config.testFilter(new FilterTest(Optional.of(filter.value()), List.of(), List.of(),
                Optional.empty(), lines(request.lines()))));
    }

    /** Runs log lines through ad-hoc regexes, before they are saved anywhere. */
    @Post("/filters/test")
    @RateLimited(LimitedAction.FILTERS)
    @ApiErrors.BadRequest
    @ApiErrors.Unprocessable
    public FilterTestView testRegexes(@Body AdHocTestRequest request) {
        List<String> fail = ConfigViews.lines("failregex", request.failregex());
        if (fail.isEmpty()) {
            throw new InvalidInputException("invalid_filter", "give at least one failregex");
        }
        return FilterTestView.of(config.testFilter(new FilterTest(Optional.empty(), fail,
                ConfigViews.lines("ignoreregex", request.ignoreregex()),
                Optional.ofNullable(request.datepattern()).filter(p -> !p.isBlank()), lines(request.lines()))));
    }

    /** Every action, by name. */
    @Get("/actions")
    public NameList actions() {
        return new NameList(config.snapshot().actions().stream().map(ConfigName::value).toList());
    }

    /** One action. */
    @Get("/actions/{name}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public DefinitionView action(@PathVariable String name) {
        return DefinitionView.of(config.definition(ConfigKind.ACTION, ConfigName.of(name)));
    }

    /** Sets keys of an action. */
    @Put("/actions/{name}")
    @RateLimited(LimitedAction.ACTIONS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public DefinitionView updateAction(HttpRequest<?> http, @PathVariable String name, @Body ValuesRequest request) {
        return DefinitionView.of(config.updateDefinition(RequestContext.actor(http), ConfigKind.ACTION,
                ConfigName.of(name), request.texts()));
    }

    /** Creates an action in {@code action.d/<name>.local} from its {@code [Definition]} keys: 201. */
    @Post("/actions")
    @RateLimited(LimitedAction.ACTIONS)
    @ApiResponse(responseCode = "201", description = "The action was created", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DefinitionView.class)))
    @ApiErrors.BadRequest
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    public HttpResponse<DefinitionView> createAction(HttpRequest<?> http, @Body NewActionRequest request) {
        if (request.values() == null || request.values().isEmpty()) {
            throw new InvalidInputException("invalid_values", "give the action's keys in values");
        }
        return HttpResponse.created(DefinitionView.of(config.createDefinition(RequestContext.actor(http),
                ConfigKind.ACTION, ConfigName.of(request.name()), ConfigViews.texts(request.values()))));
    }

    private static List<String> lines(@Nullable List<String> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidInputException("invalid_lines", "give 1 to " + MAX_LINES + " log lines");
        }
        for (String line : lines) {
            if (line == null || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new InvalidInputException("invalid_lines", "each log line is one string without line breaks");
            }
        }
        return lines;
    }

    /** A new filter. */
    @Serdeable
    record NewFilterRequest(@Nullable String name, @Nullable Object failregex, @Nullable Object ignoreregex,
                            @Nullable String datepattern) {
    }

    /** A new action. */
    @Serdeable
    record NewActionRequest(@Nullable String name, @Nullable Map<String, Object> values) {
    }

    /** Log lines for a configured filter. */
    @Serdeable
    record LinesRequest(@Nullable List<String> lines) {
    }

    /** Ad-hoc regexes and log lines. */
    @Serdeable
    record AdHocTestRequest(@Nullable Object failregex, @Nullable Object ignoreregex, @Nullable String datepattern,
                            @Nullable List<String> lines) {
    }

    /** One line's outcome. */
    @Serdeable
    record LineView(String line, boolean matched, @Nullable String host, @Nullable Instant time) {
    }

    /** {@code {"lines": [...], "matched": n}}. */
    @Serdeable
    record FilterTestView(List<LineView> lines, int matched) {
        static FilterTestView of(List<LineMatch> matches) {
            return new FilterTestView(matches.stream().map(m -> new LineView(m.line(), m.matched(),
                    m.host().orElse(null), m.time().orElse(null))).toList(),
                    (int) matches.stream().filter(LineMatch::matched).count());
        }
    }
}
