/**
 * Composition root: reads the settings, builds the adapters and the application services and wires them
 * with Micronaut DI, and bridges BanGUI's health checks into Micronaut management. Nothing depends on it.
 */
package org.bangui.bootstrap;
