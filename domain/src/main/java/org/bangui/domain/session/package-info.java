/**
 * Login sessions: the session record (which holds only hashes of its secrets) and
 * {@link org.bangui.domain.session.SessionPort}, the narrow store that a SQLite or Redis adapter implements.
 */
package org.bangui.domain.session;
