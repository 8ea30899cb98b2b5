/**
 * The live dashboard: one summary of the fail2ban server and the sum of its jails' counters, cached for a
 * short time so that many polling clients cost fail2ban one round of commands per interval.
 */
package org.bangui.application.dashboard;
