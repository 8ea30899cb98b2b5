/**
 * Ban history: BanGUI's own archive of every ban, which outlives fail2ban's purge of its database. Entries come
 * from fail2ban's database (copied by the {@code history_sync} job) and from bans made through BanGUI, by hand
 * or from blocklists, which are archived at once.
 */
package org.bangui.domain.history;
