/**
 * The security layer of the HTTP adapter: the request filter (client address, rate limits, setup gate,
 * session, CSRF; each rule read from the route the request matched), the route annotations it reads, the
 * session cookie, and the adapters for password hashing (Argon2id), rate-limit counters (in memory) and
 * security events (structured log).
 */
package org.bangui.adapters.web.security;
