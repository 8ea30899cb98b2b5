/**
 * Writes to the ban archive: the {@code history_sync} job that copies fail2ban's database into it and marks
 * bans that ended, and the {@code history_retention} job that deletes entries past the retention.
 */
package org.bangui.application.history;
