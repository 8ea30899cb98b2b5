package org.bangui.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bangui.adapters.fail2ban.protocol.CommandObserver;
import org.bangui.application.ban.BanObserver;
import org.bangui.application.blocklist.BlocklistImportObserver;
import org.bangui.application.job.JobObserver;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.application.ratelimit.RateLimitObserver;
import org.bangui.bootstrap.logging.ExternalLogging;
import org.bangui.domain.blocklist.ImportStatus;
import org.bangui.domain.history.BanOrigin;
import org.bangui.domain.job.JobOutcome;

/**
 * BanGUI's own event series in Micrometer ({@code bangui_*} in Prometheus): the observers of the core and the
 * fail2ban client, counted here. Every tag value comes from a fixed set (enums, job names, command verbs), so
 * the number of series stays bounded. Counters with known tags are registered at start, so that they read 0
 * before the first event.
 */
@Singleton
class OperationsMetrics implements CommandObserver, JobObserver, BanObserver, BlocklistImportObserver,
        RateLimitObserver {

    private final MeterRegistry registry;
    private final Map<BanOrigin, Counter> bans = new EnumMap<>(BanOrigin.class);
    private final Map<BanOrigin, Counter> unbans = new EnumMap<>(BanOrigin.class);
    private final Map<ImportStatus, Counter> imports = new EnumMap<>(ImportStatus.class);
    private final Map<LimitedAction, Counter> refusals = new EnumMap<>(LimitedAction.class);
    /** By command verb, and by verb and kind of failure: bounded sets (CommandVerb, the client's kinds). */
    private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> commandErrors = new ConcurrentHashMap<>();
    private final LongSupplier loggingInitFailures;
    private final LongSupplier loggingDropped;
    /**
     * With external logging when it is on: its start-up failure and lost lines are counted. Looked up when
     * read: this bean can be created before the context has registered the {@code ExternalLogging} that
     * {@code Application.main} hands it.
     */
    @Inject
    OperationsMetrics(MeterRegistry registry, BeanProvider<ExternalLogging> logging) {
        this(registry, () -> logging.isPresent() ? logging.get().initFailures() : 0,
                () -> logging.isPresent() ? logging.get().droppedEvents() : 0);
    }

    OperationsMetrics(MeterRegistry registry, LongSupplier loggingInitFailures, LongSupplier loggingDropped) {
        this.registry = registry;
        for (BanOrigin origin : BanOrigin.values()) {
            bans.put(origin, Counter.builder("bangui.bans").description("Bans BanGUI made, by origin")
                    .tag("origin", origin.code()).register(registry));
            unbans.put(origin, Counter.builder("bangui.unbans").description("Unbans BanGUI made, by origin")
                    .tag("origin", origin.code()).register(registry));
        }
        for (ImportStatus status : ImportStatus.values()) {
            imports.put(status, Counter.builder("bangui.blocklist.imports")
                    .description("Blocklist imports that ended, by outcome").tag("outcome", status.code())
                    .register(registry));
        }
        for (LimitedAction action : LimitedAction.values()) {
            refusals.put(action, Counter.builder("bangui.rate.limit.refusals")
                    .description("Requests a rate limit refused, by bucket").tag("bucket", action.bucket())
                    .register(registry));
        }
        // external logging is set up before the application context, in Application.main: read, not counted here
        // kept in fields: Micrometer holds a function counter's object weakly, and it would read NaN after a GC
        this.loggingInitFailures = loggingInitFailures;
        this.loggingDropped = loggingDropped;
        FunctionCounter.builder("bangui.external.logging.init.failures", loggingInitFailures, LongSupplier::getAsLong)
                .description("Failed attempts to reach the external log receiver at start").register(registry);
        FunctionCounter.builder("bangui.external.logging.dropped.events", loggingDropped, LongSupplier::getAsLong)
                .description("Log lines the external receiver did not get (buffer full or send failed)")
                .register(registry);
    }

    @Override
    public void completed(String verb, Duration took, Optional<String> error) {
        // every API request sends fail2ban commands: the meter is looked up once per verb, not built each time
        commandTimers.computeIfAbsent(verb, v -> Timer.builder("bangui.fail2ban.command.duration")
                .description("fail2ban commands, by command verb").tag("command", v).register(registry))
                .record(took);
        error.ifPresent(kind -> commandErrors.computeIfAbsent(verb + " " + kind,
                key -> Counter.builder("bangui.fail2ban.command.errors")
                        .description("fail2ban commands that failed, by command verb and kind of failure")
                        .tag("command", verb).tag("error", kind).register(registry)).increment());
    }

    @Override
    public void finished(String job, JobOutcome outcome, Duration took) {
        Timer.builder("bangui.job.duration").description("Job runs that ended, by job and outcome")
                .tag("job", job).tag("outcome", outcome.code()).register(registry).record(took);
    }

    @Override
    public void banned(BanOrigin origin, long entries) {
        bans.get(origin).increment(entries);
    }

    @Override
    public void unbanned(BanOrigin origin, long entries) {
        unbans.get(origin).increment(entries);
    }

    @Override
    public void finished(ImportStatus status, long banned, long unbanned) {
        imports.get(status).increment();
    }

    @Override
    public void refused(LimitedAction action) {
        refusals.get(action).increment();
    }
}
