package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bangui.adapters.web.HistoryViews.AddressResponse;
import org.bangui.adapters.web.HistoryViews.HistoryItem;
import org.bangui.adapters.web.HistoryViews.HistoryResponse;
import org.bangui.adapters.web.HistoryViews.StatsResponse;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.application.history.query.AddressHistoryUseCase;
import org.bangui.application.history.query.ExportHistoryUseCase;
import org.bangui.application.history.query.HistoryStatsUseCase;
import org.bangui.application.history.query.ListHistoryUseCase;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.history.HistoryEntry;
import org.bangui.domain.history.HistoryFilter;
import org.bangui.domain.history.HistoryPage;
import org.bangui.domain.history.HistoryPageRequest;
import org.bangui.domain.history.HistoryStatsRequest;
import org.bangui.domain.history.StatsBucket;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * BanGUI's ban archive: pages (newest first, keyset cursor), statistics, one address, and a streamed export.
 * Filters: {@code jail}, {@code ip} (an address or a CIDR network), {@code country} (two letters),
 * {@code origin} ({@code fail2ban}, {@code manual}, {@code blocklist}), {@code since} (inclusive) and
 * {@code until} (exclusive), ISO-8601 instants on the time the ban started.
 */
@Controller(ApiDefinition.BASE + "/history")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryController {

    /** The statistics' range when the caller names none. */
    static final Duration DEFAULT_STATS_RANGE = Duration.ofDays(30);
    /** Entries per chunk of an export. */
    private static final int EXPORT_BATCH = 1000;
    /** Batches read ahead of the client while exporting. */
    private static final int EXPORT_PREFETCH = 2;

    private final ListHistoryUseCase list;
    private final HistoryStatsUseCase stats;
    private final AddressHistoryUseCase address;
    private final ExportHistoryUseCase export;
    private final Clock clock;

    HistoryController(ListHistoryUseCase list, HistoryStatsUseCase stats, AddressHistoryUseCase address,
                      ExportHistoryUseCase export, Clock clock) {
        this.list = list;
        this.stats = stats;
        this.address = address;
        this.export = export;
        this.clock = clock;
    }

    /**
     * One page of archived bans, newest first; {@code cursor} is the previous page's {@code nextCursor}. The body
     * is a {@link HistoryResponse}, written by {@link HistoryItemEncoder} (a page holds up to 500 entries with
     * their matched lines, and this route is polled).
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "A page of archived bans", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryResponse.class)))
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public HttpResponse<byte[]> page(@QueryValue @Nullable String jail, @QueryValue @Nullable String ip,
                                     @QueryValue @Nullable String country, @QueryValue @Nullable String origin,
                                     @QueryValue @Nullable String since, @QueryValue @Nullable String until,
                                     @QueryValue @Nullable String limit, @QueryValue @Nullable String cursor) {
        HistoryPage page = list.list(new HistoryPageRequest(filter(jail, ip, country, origin, since, until),
                limit(limit), HistoryCursor.decode(cursor)));
        return HttpResponse.ok(HistoryItemEncoder.page(page)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Counts over the bans that started in {@code [since, until)} (default: the last 30 days): a timeline of
     * {@code bucket} ({@code hour} or {@code day}, UTC, default {@code day}) with empty buckets, and the top 10
     * jails, addresses and countries.
     */
    @Get("/stats")
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public StatsResponse stats(@QueryValue @Nullable String since, @QueryValue @Nullable String until,
                               @QueryValue @Nullable String bucket) {
        Instant to = TimeParameters.optional(until, "until").orElseGet(clock::instant);
        Instant from = TimeParameters.optional(since, "since").orElseGet(() -> earlier(to));
        StatsBucket width = bucket == null || bucket.isEmpty() ? StatsBucket.DAY : StatsBucket.fromCode(bucket);
        return StatsResponse.of(stats.stats(new HistoryStatsRequest(from, to, width)));
    }

    /**
     * Everything known about one address (or network entry, URL-encoded: {@code 198.18.0.0%2F24}): its country,
     * its archived bans (newest first, at most 1,000), the jails that banned it, and where it is banned now.
     */
    @Get("/ip/{ip}")
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public AddressResponse address(@PathVariable String ip) {
        return AddressResponse.of(address.address(Inputs.banTarget(ip)));
    }

    /**
     * The whole selection of the same filters as the list, newest first, streamed as CSV or NDJSON
     * ({@code format}, default {@code csv}) in constant memory, as a download.
     */
    @Get(value = "/export", produces = {"text/csv", "application/x-ndjson"})
    @ApiResponse(responseCode = "200", description = "The selection, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = HistoryItem.class))})
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public HttpResponse<Publisher<byte[]>> export(@QueryValue @Nullable String format,
                                                  @QueryValue @Nullable String jail, @QueryValue @Nullable String ip,
                                                  @QueryValue @Nullable String country,
                                                  @QueryValue @Nullable String origin,
                                                  @QueryValue @Nullable String since,
                                                  @QueryValue @Nullable String until) {
        HistoryExportFormat chosen = format == null || format.isEmpty() ? HistoryExportFormat.CSV
                : HistoryExportFormat.fromCode(format);
        HistoryFilter filter = filter(jail, ip, country, origin, since, until);
        // pulled on demand, in two stages on two threads: one reads batches of rows, the other encodes them,
        // and at most EXPORT_PREFETCH batches wait between the stages and before the client; a slow client
        // thus holds a few batches in memory, never the selection. The stream (and its connection) closes on
        // completion, error or cancel.
        Flux<byte[]> rows = Flux.using(() -> export.export(filter),
                        entries -> Flux.generate(entries::iterator, HistoryController::nextBatch), Stream::close)
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.boundedElastic(), EXPORT_PREFETCH)
                .map(batch -> {
                    Utf8Buffer chunk = new Utf8Buffer(batch.size() * 512);
                    batch.forEach(entry -> chosen.write(entry, chunk));
                    return chunk.toByteArray();
                });
        Flux<byte[]> body = Flux.concat(Flux.just(chosen.header()), rows).filter(chunk -> chunk.length > 0);
        return HttpResponse.ok((Publisher<byte[]>) body)
                .contentType(MediaType.of(chosen.mediaType() + "; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + "\"");
    }

    private static Iterator<HistoryEntry> nextBatch(Iterator<HistoryEntry> rows,
                                                    SynchronousSink<List<HistoryEntry>> sink) {
        List<HistoryEntry> batch = new ArrayList<>(EXPORT_BATCH);
        while (batch.size() < EXPORT_BATCH && rows.hasNext()) {
            batch.add(rows.next());
        }
        if (batch.isEmpty()) {
            sink.complete();
        } else {
            sink.next(batch);
        }
        return rows;
    }

    private static HistoryFilter filter(String jail, String ip, String country, String origin, String since,
                                        String until) {
        return new HistoryFilter(Inputs.optionalJail(jail), Inputs.optionalBanTarget(ip),
                present(country).map(HistoryFilter::country), present(origin).map(BanOrigin::fromCode),
                TimeParameters.optional(since, "since"), TimeParameters.optional(until, "until"));
    }

    private static Optional<String> present(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
    }

    private static Instant earlier(Instant until) {
        Instant from = until.minus(DEFAULT_STATS_RANGE);
        return from.isBefore(TimeParameters.MIN) ? TimeParameters.MIN : from;
    }

    static int limit(String raw) { // package-private for its test
        return Inputs.limit(raw, HistoryPageRequest.DEFAULT_LIMIT, HistoryPageRequest.MAX_LIMIT);
    }
}
