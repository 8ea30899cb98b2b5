/**
 * Redis adapters for running several BanGUI instances behind one address: sessions, rate-limit counters and
 * the scheduler lock live in one Redis (keys prefixed {@code bangui:}), through Lettuce. Every command is
 * bounded by the configured timeout, and each state change is one command or one Lua script, so it is atomic
 * across instances. Failures surface as the port's own exception with a short reason that never carries the
 * Redis URL or its password.
 */
package org.bangui.adapters.redis;
