/**
 * fail2ban's configuration files: reading them as fail2ban does, editing {@code .local} files byte-preservingly
 * and atomically, and checking, compiling, testing and reloading the configuration with fail2ban's own tools
 * (run as child processes with argument lists, time limits and capped output).
 */
package org.bangui.adapters.fail2ban.config;
