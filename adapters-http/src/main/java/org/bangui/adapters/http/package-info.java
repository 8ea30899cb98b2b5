/**
 * Outgoing HTTP on Apache HttpClient 5, with short timeouts and capped response sizes: the optional geo-IP
 * lookup service (off by default, since it sends addresses off the host).
 */
package org.bangui.adapters.http;
