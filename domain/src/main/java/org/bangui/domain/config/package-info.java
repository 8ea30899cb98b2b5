/**
 * fail2ban's configuration as files: the read model ({@link org.bangui.domain.config.ConfigSnapshot}, what
 * fail2ban would run for every jail, filter and action, and where each value is written), the write model
 * ({@link org.bangui.domain.config.ConfigEdit}: keys of one section of one {@code .local} file), and the ports
 * that read, write, check and reload it and keep earlier versions.
 */
package org.bangui.domain.config;
