package org.bangui.application.blocklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.domain.audit.AuditAction;
import org.bangui.domain.blocklist.BlocklistSchedule;
import org.bangui.domain.blocklist.BlocklistSource;
import org.bangui.domain.blocklist.BlocklistSourcePort;
import org.bangui.domain.blocklist.CronPort;
import org.bangui.domain.blocklist.SourceSettings;
import org.bangui.domain.blocklist.UnknownBlocklistException;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.jail.UnknownJailException;

/**
 * Validates and stores sources. A new or re-enabled source, or one whose URL or jail changed, is due at once; a
 * changed schedule counts from now. The import job is asked to look at once ({@code wake}).
 */
public final class BlocklistSourceService implements ManageBlocklistsUseCase {

    private final BlocklistSourcePort sources;
    private final JailControlPort jails;
    private final CronPort cron;
    private final RecordAuditUseCase audit;
    private final Clock clock;
    private final Runnable wake;

    public BlocklistSourceService(BlocklistSourcePort sources, JailControlPort jails, CronPort cron,
                                  RecordAuditUseCase audit, Clock clock, Runnable wake) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.jails = Objects.requireNonNull(jails, "jails");
        this.cron = Objects.requireNonNull(cron, "cron");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    @Override
    public List<BlocklistSource> list() {
        return sources.list();
    }

    @Override
    public BlocklistSource get(long id) {
        return sources.find(id).orElseThrow(UnknownBlocklistException::source);
    }

    @Override
    public BlocklistSource create(BlocklistCommand command) {
        BlocklistSource created = audit.recordOutcome(command.actor(), AuditAction.BLOCKLIST_CREATE,
                AuditTarget.of(command), () -> {
                    SourceSettings settings = settings(command);
                    Instant now = clock.instant();
                    return sources.create(settings, now, settings.enabled() ? Optional.of(now) : Optional.empty());
                });
        wake.run();
        return created;
    }

    @Override
    public BlocklistSource update(long id, BlocklistCommand command) {
        BlocklistSource updated = audit.recordOutcome(command.actor(), AuditAction.BLOCKLIST_UPDATE,
                "id=" + id + " " + AuditTarget.of(command), () -> {
            BlocklistSource before = get(id);
            SourceSettings settings = settings(command);
            Instant now = clock.instant();
            return sources.update(id, settings, now, nextImport(before, settings, now));
        });
        wake.run();
        return updated;
    }

    private Optional<Instant> nextImport(BlocklistSource before, SourceSettings after, Instant now) {
        if (!after.enabled()) {
            return Optional.empty();
        }
        SourceSettings old = before.settings();
        if (!old.enabled() || !old.url().equals(after.url()) || !old.jail().equals(after.jail())
                || before.nextImportAt().isEmpty()) {
            return Optional.of(now);
        }
        if (!old.schedule().equals(after.schedule())) {
            return Optional.of(after.schedule().next(now, cron));
        }
        return before.nextImportAt();
    }

    private SourceSettings settings(BlocklistCommand command) {
        JailName jail = JailName.of(command.jail());
        SourceSettings settings = new SourceSettings(command.name(), SourceSettings.parseUrl(command.url()), jail,
                command.enabled(), BlocklistSchedule.parse(command.schedule(), cron));
        if (!jails.jailNames().contains(jail)) {
            throw UnknownJailException.referenced(jail);
        }
        return settings;
    }
}
