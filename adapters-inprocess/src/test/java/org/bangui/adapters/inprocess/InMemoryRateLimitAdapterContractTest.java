package org.bangui.adapters.inprocess;

import org.bangui.domain.contract.RateLimitPortContract;
import org.bangui.domain.ratelimit.RateLimitPort;

/** The in-process token buckets keep the rate-limit contract. */
class InMemoryRateLimitAdapterContractTest extends RateLimitPortContract {

    @Override
    protected RateLimitPort emptyStore() {
        return new InMemoryRateLimitAdapter();
    }
}
