/** Recording and reading the audit trail of state changes. */
package org.bangui.application.audit;
