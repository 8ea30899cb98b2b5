/**
 * BanGUI's log lines as events: every line's {@code event} name (the JSON provider, the GELF field, the syslog
 * MSGID), and the optional shipping of the same lines to an external syslog or GELF receiver
 * ({@code BANGUI_EXTERNAL_LOGGING}), set up before Micronaut starts so that no start-up line is missed.
 */
package org.bangui.bootstrap.logging;
