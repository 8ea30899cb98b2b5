/**
 * First-run setup and the administrator account: the stored password hash and setup-time settings, the
 * one-time setup token, password hashing, and the ports through which they are kept.
 */
package org.bangui.domain.setup;
