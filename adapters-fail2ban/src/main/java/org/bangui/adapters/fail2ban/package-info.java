/**
 * fail2ban adapter: implements the jail, ban and server ports and the fail2ban health probes on top of the
 * unix-socket client in {@code protocol}. Translates fail2ban's replies and failures into domain values and
 * domain exceptions.
 */
package org.bangui.adapters.fail2ban;
