/**
 * Outgoing adapters that need no external system: password hashing (Argon2id through password4j), rate-limit
 * counters (bucket4j token buckets in this process's memory) and security events (structured SLF4J log lines).
 * They are plain classes; bootstrap wires them to their ports.
 */
package org.bangui.adapters.inprocess;
