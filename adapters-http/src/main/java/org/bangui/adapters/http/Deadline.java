package org.bangui.adapters.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The deadline of one whole download, redirects included: when it passes, the request under way is
 * cancelled, which closes its connection, so a server that drips a byte at a time (never tripping the read
 * timeout) cannot hold a run.
 */
final class Deadline implements AutoCloseable {

    private final AtomicBoolean passed = new AtomicBoolean();
    private final AtomicReference<Cancellable> current = new AtomicReference<>();
    private final ScheduledFuture<?> timer;

    Deadline(ScheduledExecutorService scheduler, Duration limit) {
        this.timer = scheduler.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        passed.set(true);
        Cancellable request = current.get();
        if (request != null) {
            request.cancel();
        }
    }

    /** Makes {@code request} the one to cancel when the deadline passes (at once if it has passed). */
    void watch(Cancellable request) {
        current.set(request);
        if (passed.get()) {
            request.cancel();
        }
    }

    boolean passed() {
        return passed.get();
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
