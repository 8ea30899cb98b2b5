/**
 * The audit trail of state changes and the security events that accompany them, with the ports that store
 * the trail and emit the events.
 */
package org.bangui.domain.audit;
