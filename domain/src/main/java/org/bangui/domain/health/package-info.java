/**
 * Health of the components BanGUI depends on, probed through {@link org.bangui.domain.health.ComponentProbePort}.
 */
package org.bangui.domain.health;
