/**
 * RFC 9457 problem responses: the one place where exceptions become HTTP statuses, for domain failures and
 * for the framework's own errors (unknown route, bad JSON, wrong method) alike.
 */
package org.bangui.adapters.web.problem;
