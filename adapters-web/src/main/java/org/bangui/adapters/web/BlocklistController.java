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
import java.util.OptionalLong;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.blocklist.BlocklistPreview;
import org.bangui.application.blocklist.ImportBlocklistUseCase;
import org.bangui.application.blocklist.ManageBlocklistsUseCase;
import org.bangui.application.blocklist.ManageBlocklistsUseCase.BlocklistCommand;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.blocklist.BlocklistImport;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.ImportCounts;
import org.bangui.domain.blocklist.InvalidLine;
import org.bangui.domain.shared.InvalidInputException;

/**
 * Blocklist sources, imports on request, dry runs and the import log. Imports run on the scheduler's leader:
 * {@code POST .../import} and {@code DELETE} answer 202 with the id of the import (or release) to follow in the
 * import log.
 */
@Controller(ApiDefinition.BASE + "/blocklists")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BlocklistController {

    private static final int DEFAULT_LIMIT = 50;

    private final ManageBlocklistsUseCase manage;
    private final ImportBlocklistUseCase imports;

    BlocklistController(ManageBlocklistsUseCase manage, ImportBlocklistUseCase imports) {
        this.manage = manage;
        this.imports = imports;
    }

    /** Every source. */
    @Get
    public SourcesResponse list() {
        return new SourcesResponse(manage.list().stream().map(SourceView::of).toList());
    }

    /**
     * Creates a source: 201. 422 {@code unknown_jail} if fail2ban has no such jail, 409 {@code name_taken}. An
     * enabled source is imported at once.
     */
    @Post
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiResponse(responseCode = "201", description = "The source was created", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SourceView.class)))
    @ApiErrors.BadRequest
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public HttpResponse<SourceView> create(HttpRequest<?> http, @Body SourceRequest request) {
        BlocklistSource created = manage.create(request.command(http));
        return HttpResponse.created(SourceView.of(created));
    }

    /** One source. */
    @Get("/{id}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public SourceView get(@PathVariable String id) {
        return SourceView.of(manage.get(id(id)));
    }

    /** Replaces a source's settings (every field); the same answers as create, and 404. */
    @Put("/{id}")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public SourceView update(HttpRequest<?> http, @PathVariable String id, @Body SourceRequest request) {
        return SourceView.of(manage.update(id(id), request.command(http)));
    }

    /**
     * Deletes a source: 202 with the id of the release, which unbans what it alone banned. 409
     * {@code import_running} while it imports.
     */
    @Delete("/{id}")
    @RateLimited(LimitedAction.CONFIG_WRITES)
    @ApiResponse(responseCode = "202", description = "Deleted; the release of its entries runs", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ImportStarted.class)))
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    public HttpResponse<ImportStarted> delete(HttpRequest<?> http, @PathVariable String id) {
        return HttpResponse.accepted().body(new ImportStarted(imports.delete(id(id), RequestContext.actor(http))));
    }

    /** Imports the source now: 202 with the import's id; 409 {@code import_running} while one runs. */
    @Post("/{id}/import")
    @RateLimited(LimitedAction.BLOCKLIST_IMPORTS)
    @ApiResponse(responseCode = "202", description = "The import was asked for", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ImportStarted.class)))
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    public HttpResponse<ImportStarted> importNow(HttpRequest<?> http, @PathVariable String id) {
        return HttpResponse.accepted().body(new ImportStarted(imports.requestImport(id(id),
                RequestContext.actor(http))));
    }

    /**
     * A dry run: downloads and diffs the list now, bans nothing. 503 with the reason if the download fails, 422
     * ({@code empty_list}, {@code no_valid_entries}, {@code mostly_invalid}) if an import would refuse the list.
     */
    @Post("/{id}/preview")
    @RateLimited(LimitedAction.BLOCKLIST_IMPORTS)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unprocessable
    @ApiErrors.Unavailable
    public PreviewView preview(@PathVariable String id) {
        return PreviewView.of(imports.preview(id(id)));
    }

    /** The import log, newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @Get("/imports")
    @ApiErrors.BadRequest
    public ImportsResponse imports(@QueryValue @Nullable String source, @QueryValue @Nullable String limit,
                                   @QueryValue @Nullable String cursor) {
        OptionalLong sourceId = source == null || source.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(id(source));
        int size = limit(limit);
        OptionalLong before = AuditController.decodeCursor(cursor).map(OptionalLong::of).orElse(OptionalLong.empty());
        List<BlocklistImport> page = imports.imports(sourceId, size, before);
        String next = page.size() == size ? AuditController.encodeCursor(page.get(page.size() - 1).id()) : null;
        return new ImportsResponse(page.stream().map(ImportView::of).toList(), next);
    }

    /** One import. */
    @Get("/imports/{id}")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    public ImportView importRun(@PathVariable String id) {
        return ImportView.of(imports.importRun(id(id)));
    }

    static long id(String raw) { // package-private for its test
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(raw) == 0) {
            throw new InvalidInputException("invalid_id", "an id is a positive whole number");
        }
        return Long.parseLong(raw);
    }

    static int limit(String raw) {
        return Inputs.limit(raw, DEFAULT_LIMIT, ImportBlocklistUseCase.MAX_LIMIT);
    }

    /** {@code POST} and {@code PUT} body; {@code enabled} defaults to true. */
    @Serdeable
    public record SourceRequest(@Schema(type = "string", example = "spamhaus-drop") @Nullable Object name,
                                @Schema(type = "string", example = "https://lists.example.org/drop.txt")
                                @Nullable Object url,
                                @Schema(type = "string", example = "blocklist") @Nullable Object jail,
                                @Schema(type = "boolean") @Nullable Object enabled,
                                @Schema(type = "string", example = "6h") @Nullable Object schedule) {

        BlocklistCommand command(HttpRequest<?> http) {
            return new BlocklistCommand(RequestContext.actor(http), Inputs.string(name, "name"),
                    Inputs.string(url, "url"), Inputs.string(jail, "jail"),
                    enabled == null || Inputs.bool(enabled, "enabled"), Inputs.string(schedule, "schedule"));
        }
    }

    /** A source; {@code nextImportAt} is null while disabled. */
    @Serdeable
    public record SourceView(long id, String name, String url, String jail, boolean enabled, String schedule,
                             @Nullable String nextImportAt, String createdAt, String updatedAt) {

        static SourceView of(BlocklistSource s) {
            return new SourceView(s.id(), s.name(), s.url().toString(), s.jail().value(), s.enabled(),
                    s.settings().schedule().text(), s.nextImportAt().map(Object::toString).orElse(null),
                    s.createdAt().toString(), s.updatedAt().toString());
        }
    }

    /** Every source. */
    @Serdeable
    public record SourcesResponse(List<SourceView> blocklists) {
    }

    /** {@code 202} body: the import (or release) to follow. */
    @Serdeable
    public record ImportStarted(long importId) {
    }

    /** The list's figures. */
    @Serdeable
    public record EntriesView(long total, long valid, long invalid, long duplicates, long ignored) {

        static EntriesView of(ImportCounts c) {
            return new EntriesView(c.total(), c.valid(), c.invalid(), c.duplicates(), c.ignored());
        }
    }

    /** One invalid line; {@code line} is 0 for an entry refused after parsing (loopback, too wide ...). */
    @Serdeable
    public record SampleView(long line, String text, String reason) {

        static List<SampleView> of(List<InvalidLine> lines) {
            return lines.stream().map(l -> new SampleView(l.line(), l.text(), l.reason())).toList();
        }
    }

    /** One import. {@code trigger} is schedule, manual, resume or delete (the release of a deleted source). */
    @Serdeable
    public record ImportView(long id, long source, String sourceName, String trigger, String status,
                             String startedAt, @Nullable String finishedAt, long bytes, boolean notModified,
                             EntriesView entries, long banned, long unbanned, List<SampleView> invalidSamples,
                             @Nullable String error) {

        static ImportView of(BlocklistImport i) {
            ImportCounts c = i.counts();
            return new ImportView(i.id(), i.sourceId(), i.sourceName(), i.trigger(), i.status().code(),
                    i.startedAt().toString(), i.finishedAt().map(Object::toString).orElse(null), c.bytes(),
                    i.notModified(), EntriesView.of(c), c.banned(), c.unbanned(), SampleView.of(i.invalidSamples()),
                    i.error().orElse(null));
        }
    }

    /** A page of the import log; {@code nextCursor} is null on the last page. */
    @Serdeable
    public record ImportsResponse(List<ImportView> imports, @Nullable String nextCursor) {
    }

    /** A dry run: what an import would ban and unban now (the first 100 of each). */
    @Serdeable
    public record PreviewView(long bytes, EntriesView entries, long toBanCount, long toUnbanCount, List<String> toBan,
                              List<String> toUnban, List<SampleView> invalidSamples) {

        static PreviewView of(BlocklistPreview p) {
            return new PreviewView(p.counts().bytes(), EntriesView.of(p.counts()), p.counts().banned(),
                    p.counts().unbanned(), p.toBan(), p.toUnban(), SampleView.of(p.invalidSamples()));
        }
    }

}
