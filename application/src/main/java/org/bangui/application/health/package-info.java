/**
 * Health and readiness: aggregates the component probes into the answers the probe endpoints give.
 */
package org.bangui.application.health;
