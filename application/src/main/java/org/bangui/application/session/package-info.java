/**
 * Login sessions: login with a throttle on failures, validation of the signed session cookie with sliding and
 * absolute expiry, CSRF checks, logout, revocation and expiry.
 */
package org.bangui.application.session;
