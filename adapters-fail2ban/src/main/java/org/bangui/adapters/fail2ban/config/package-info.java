/**
 * Reads fail2ban's configuration directory as fail2ban's own client reads it (configparserinc.py, configreader.py,
 * jailreader.py, filterreader.py, actionreader.py of fail2ban 1.0): file families with their {@code .d} drop-ins
 * and {@code .local} overrides, includes, {@code [DEFAULT]}, interpolation, {@code [Init]} parameters and the
 * {@code <tag>} substitution of filters, down to what {@code fail2ban-client -d} would send for each jail.
 */
package org.bangui.adapters.fail2ban.config;
