package org.bangui.domain.contract;

import java.time.Clock;
import org.bangui.domain.scheduler.SchedulerLockPort;

/** The lock fake keeps the scheduler-lock contract. */
class InMemorySchedulerLockFakeTest extends SchedulerLockPortContract {

    private SchedulerLockPort current;

    @Override
    protected SchedulerLockPort freeLock() {
        current = new InMemorySchedulerLockFake(Clock.systemUTC());
        return current;
    }

    @Override
    protected SchedulerLockPort sameStoreOtherInstance() {
        return current;
    }
}
