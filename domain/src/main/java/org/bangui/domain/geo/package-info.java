/** Geo-IP: which country, and optionally which network owner, an address belongs to. */
package org.bangui.domain.geo;
