/**
 * Outgoing HTTP on Apache HttpClient 5, with short timeouts and capped response sizes: the optional geo-IP
 * lookup service (off by default, since it sends addresses off the host), and the blocklist downloader, whose
 * destination check sits in name resolution so that the address checked is the address connected to.
 */
package org.bangui.adapters.http;
