package org.bangui.domain.contract;

import org.bangui.domain.session.SessionPort;

/** The session fake of the service tests keeps the session contract. */
class InMemorySessionFakeTest extends SessionPortContract {

    @Override
    protected SessionPort emptyStore() {
        return new InMemorySessionFake();
    }
}
