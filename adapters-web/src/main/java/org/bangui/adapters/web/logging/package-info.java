/**
 * Request-scoped log context of the HTTP adapter: every request gets a request id (the caller's
 * {@code X-Request-Id} when it is well-formed, else a generated one), echoed in the response and carried, with a
 * short hash of the session id once the request is authenticated, as MDC fields on every log line written while
 * the request is handled, on whichever thread writes it.
 */
package org.bangui.adapters.web.logging;
