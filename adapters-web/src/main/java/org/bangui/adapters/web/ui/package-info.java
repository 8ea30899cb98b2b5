/**
 * Serves the web UI, a single-page app built from {@code src/main/frontend} into the jar's {@code public/}
 * resources: the app shell at {@code /} and at each page's path, and its content-hashed assets. The shell holds
 * no data, so these routes are public; the app talks to the protected {@code /api/v1} routes like any client.
 */
package org.bangui.adapters.web.ui;
