/**
 * RFC 9457 problem responses: the one place where exceptions become HTTP statuses, for domain failures and
 * for the framework's own errors (unknown route, bad JSON, wrong method) alike, including requests that
 * cannot even be read (URL or headers too long, malformed escapes); and the security headers that every
 * response, error or not, carries.
 */
package org.bangui.adapters.web.problem;
