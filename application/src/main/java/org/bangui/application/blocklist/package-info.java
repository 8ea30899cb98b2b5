/**
 * Blocklists: managing the sources, importing a list into its jail as an exact mirror (download, parse, diff,
 * apply in crash-safe batches), the {@code blocklist_import} job that runs imports on the scheduler's leader,
 * and the import log.
 */
package org.bangui.application.blocklist;
