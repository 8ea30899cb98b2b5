/**
 * First-run setup: proving access to the host with the one-time token, choosing the administrator password
 * and optional settings, exactly once.
 */
package org.bangui.application.setup;
