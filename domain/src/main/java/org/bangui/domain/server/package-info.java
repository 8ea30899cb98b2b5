/**
 * The fail2ban server as a whole: whether it answers, its version, and the failures every fail2ban-backed
 * port can report (unreachable, command rejected).
 */
package org.bangui.domain.server;
