/**
 * The security layer of the HTTP adapter: the request filter (client address, rate limits, setup gate,
 * session, CSRF; each rule read from the route the request matched), the route annotations it reads and the
 * session cookie. The outgoing adapters it relies on (password hashing, rate-limit counters, security events)
 * live in the adapters-inprocess module.
 */
package org.bangui.adapters.web.security;
