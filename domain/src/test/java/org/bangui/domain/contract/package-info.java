/**
 * Contract tests of the outgoing ports, shipped in the domain test-jar: each abstract class states what every
 * implementation of one port must do, and the in-memory fakes, the SQLite adapters and the Redis adapters each
 * extend it, so the fakes the service tests rely on are proven to behave like the real stores.
 */
package org.bangui.domain.contract;
