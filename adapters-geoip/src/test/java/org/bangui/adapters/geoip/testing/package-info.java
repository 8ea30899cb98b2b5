/** Test support shared with the service tests: a small MaxMind DB writer and the real test database's path. */
package org.bangui.adapters.geoip.testing;
