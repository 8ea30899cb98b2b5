/**
 * Blocklists: sources that name a list of addresses and networks on the web and a jail to mirror it into, the
 * parsed list, what each source holds in its jail, and the log of its imports.
 */
package org.bangui.domain.blocklist;
