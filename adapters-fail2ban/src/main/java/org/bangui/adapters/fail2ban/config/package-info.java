/**
 * fail2ban's configuration files. Reading: as fail2ban's own client reads them (configparserinc.py,
 * configreader.py, jailreader.py, filterreader.py, actionreader.py of fail2ban 1.0): file families with their
 * {@code .d} drop-ins and {@code .local} overrides, includes, {@code [DEFAULT]}, interpolation, {@code [Init]}
 * parameters and the {@code <tag>} substitution of filters, down to what {@code fail2ban-client -d} would send
 * for each jail. Writing: {@code .local} files edited byte-preservingly and atomically. Checking: fail2ban's own
 * tools (test, regex compilation, filter tests, reload) run as child processes with argument lists, time limits
 * and capped output.
 */
package org.bangui.adapters.fail2ban.config;
