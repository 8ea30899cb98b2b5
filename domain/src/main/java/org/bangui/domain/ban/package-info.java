/**
 * Bans: what is banned where and until when, the rules for which addresses may be banned by hand, and the
 * outgoing port {@link org.bangui.domain.ban.BanPort} (live bans in fail2ban). BanGUI's own archive of bans is
 * {@link org.bangui.domain.history.HistoryArchivePort}.
 */
package org.bangui.domain.ban;
