package org.bangui.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.stream.Collectors;
import org.bangui.adapters.http.HttpBlocklistDownloadAdapter;
import org.bangui.adapters.inprocess.CronUtilsCronAdapter;
import org.bangui.application.audit.RecordAuditUseCase;
import org.bangui.application.ban.BanObserver;
import org.bangui.application.blocklist.BlocklistImportJob;
import org.bangui.application.blocklist.BlocklistImportObserver;
import org.bangui.application.blocklist.BlocklistImportService;
import org.bangui.application.blocklist.BlocklistImporter;
import org.bangui.application.blocklist.BlocklistSourceService;
import org.bangui.application.job.Job;
import org.bangui.application.job.JobRunner;
import org.bangui.application.job.JobSchedule;
import org.bangui.domain.ban.BanPort;
import org.bangui.domain.blocklist.BlocklistDownloadPort;
import org.bangui.domain.blocklist.BlocklistImportPort;
import org.bangui.domain.blocklist.BlocklistSourcePort;
import org.bangui.domain.blocklist.BlocklistStatePort;
import org.bangui.domain.blocklist.CronPort;
import org.bangui.domain.jail.JailControlPort;
import org.bangui.domain.net.HostAddressesPort;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.scheduler.LockOwner;

/**
 * Wires blocklists: the safe downloader, the importer, the {@code blocklist_import} job (collected by the job
 * runner) and the use cases behind the API. The sources, state and import log are the SQLite adapter beans of
 * adapters-persistence. Changes made through the API wake the job at once.
 */
@Factory
class BlocklistFactory {

    @Singleton
    CronPort cron() {
        return new CronUtilsCronAdapter();
    }

    @Singleton
    @Bean(preDestroy = "close")
    HttpBlocklistDownloadAdapter blocklistDownload(BlocklistConfig settings, HostAddressesPort host) {
        return new HttpBlocklistDownloadAdapter(settings.maxBytes(), settings.allowPrivate(),
                new HttpBlocklistDownloadAdapter.Timeouts(settings.timeout(), settings.timeout(),
                        settings.maxDownloadTime()),
                () -> host.ownAddresses().stream().map(IpAddress::inet).collect(Collectors.toSet()));
    }

    @Singleton
    BlocklistImporter blocklistImporter(BlocklistDownloadPort download, BlocklistStatePort state, BanPort bans,
                                        JailControlPort jails, HostAddressesPort host, Fail2banConfig fail2ban) {
        return new BlocklistImporter(download, state, bans, jails, host, fail2ban.banBatchSize());
    }

    @Singleton
    @Order(20) // listed in a stable order in GET /api/v1/jobs
    Job blocklistImport(BlocklistSourcePort sources, BlocklistImportPort log, BlocklistImporter importer,
                        CronPort cron, Clock clock, LockOwner owner, BlocklistConfig settings,
                        BlocklistImportObserver imports, BanObserver bans) {
        return new BlocklistImportJob(sources, log, importer, cron, clock, owner::id,
                JobSchedule.every(settings.checkInterval(), true), imports, bans);
    }

    @Singleton
    BlocklistSourceService blocklistSources(BlocklistSourcePort sources, JailControlPort jails, CronPort cron,
                                            RecordAuditUseCase audit, Clock clock, JobRunner runner) {
        return new BlocklistSourceService(sources, jails, cron, audit, clock,
                () -> runner.runSoon(BlocklistImportJob.NAME));
    }

    @Singleton
    BlocklistImportService blocklistImports(BlocklistSourcePort sources, BlocklistImportPort log,
                                            BlocklistImporter importer, RecordAuditUseCase audit, Clock clock,
                                            JobRunner runner) {
        return new BlocklistImportService(sources, log, importer, audit, clock,
                () -> runner.runSoon(BlocklistImportJob.NAME));
    }
}
