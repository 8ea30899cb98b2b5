package org.bangui.bootstrap;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bangui.application.job.JobRunner;

/**
 * The first half of the shutdown, run by Micronaut's graceful shutdown beside the HTTP server's (which lets
 * in-flight requests finish): logs {@code bangui_shutting_down}, stops the scheduler from taking jobs and drains
 * the running ones, interrupting those still running one second before the timeout so that Micronaut's own
 * grace period (the same timeout) does not cut the drain short. {@link ShutdownCompletion} does the rest.
 */
@Singleton
class JobShutdown implements GracefulShutdownCapable {

    private static final System.Logger LOG = System.getLogger(JobShutdown.class.getName());

    private final JobRunner runner;
    private final JobsConfig settings;

    JobShutdown(JobRunner runner, JobsConfig settings) {
        this.runner = runner;
        this.settings = settings;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        Duration timeout = settings.shutdownTimeout();
        LOG.log(System.Logger.Level.INFO, "bangui_shutting_down timeout_seconds=" + timeout.toMillis() / 1000.0);
        runner.stopAccepting();
        Duration budget = timeout.minus(timeout.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0
                ? timeout.dividedBy(5) : Duration.ofSeconds(1));
        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                drained.complete(runner.drain(budget));
            } catch (RuntimeException e) {
                drained.completeExceptionally(e);
            }
        }, "bangui-job-drain");
        thread.setDaemon(true);
        thread.start();
        return drained.exceptionally(e -> false);
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.empty();
    }
}
