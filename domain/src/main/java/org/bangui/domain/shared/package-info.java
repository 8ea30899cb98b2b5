/**
 * Building blocks shared by every capability of the domain: the base of all domain exceptions and the
 * failure categories that the adapters translate into protocol-specific answers.
 */
package org.bangui.domain.shared;
