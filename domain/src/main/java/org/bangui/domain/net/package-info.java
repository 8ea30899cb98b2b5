/**
 * Network value objects: IP address literals and CIDR networks. Parsing accepts literals only and never
 * triggers a DNS lookup, because these values end up in fail2ban commands.
 */
package org.bangui.domain.net;
