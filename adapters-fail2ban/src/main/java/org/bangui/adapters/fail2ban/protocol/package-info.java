/**
 * fail2ban's unix-socket wire protocol: pickled command lists and replies framed by an end marker, a
 * tolerant unpickler for fail2ban's Python objects, and a thread-safe client over one reused connection.
 */
package org.bangui.adapters.fail2ban.protocol;
