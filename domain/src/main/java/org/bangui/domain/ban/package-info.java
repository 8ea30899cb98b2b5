/**
 * Bans: what is banned where and until when, the rules for which addresses may be banned by hand, and the
 * outgoing ports {@link org.bangui.domain.ban.BanPort} (live bans in fail2ban) and
 * {@link org.bangui.domain.ban.BanHistoryPort} (BanGUI's own archive of ban events).
 */
package org.bangui.domain.ban;
