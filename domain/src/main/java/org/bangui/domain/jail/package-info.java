/**
 * Jails: their names, counters and configuration as reported by fail2ban, and {@link
 * org.bangui.domain.jail.JailControlPort}, the outgoing port through which the core reads and controls them.
 */
package org.bangui.domain.jail;
