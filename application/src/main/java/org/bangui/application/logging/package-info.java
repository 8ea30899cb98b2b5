/**
 * External logging (log shipping beside the console): the
 * {@link org.bangui.application.logging.ExternalLoggingObserver} that the logging set-up tells about its failures,
 * so that they show in the operational figures.
 */
package org.bangui.application.logging;
