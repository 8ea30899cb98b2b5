/**
 * Geo-IP lookups in MaxMind DB ({@code .mmdb}) files on MaxMind's reader: country files of either schema
 * (MaxMind's {@code country.iso_code} or ip-location-db's {@code country_code}) and an optional ASN file, each
 * reloaded without a restart when the file on disk changes.
 */
package org.bangui.adapters.geoip;
