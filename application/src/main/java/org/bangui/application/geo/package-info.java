/**
 * Geo-IP use cases: the cached lookup every caller shares (memory, then the durable cache table, then the
 * sources), its maintenance jobs, the lookup of one address and the country map of active bans.
 */
package org.bangui.application.geo;
