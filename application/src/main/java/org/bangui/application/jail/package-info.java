/** Jail use cases: listing jails with their counters, one jail's detail, and start, stop and idle. */
package org.bangui.application.jail;
