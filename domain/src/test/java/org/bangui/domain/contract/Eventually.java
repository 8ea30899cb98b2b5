package org.bangui.domain.contract;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: for real TTLs, without asserting how long anything takes. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Polls {@code condition} every 20 ms until it holds.
     *
     * @throws AssertionError naming {@code what} if it does not hold within {@code deadline}
     */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
