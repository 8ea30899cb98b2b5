/**
 * SQLite persistence adapter: Micronaut Data JDBC repositories behind the domain's persistence ports,
 * Flyway migrations, and the database health probe. Every public method runs in a read-write transaction,
 * because sqlite-jdbc refuses the read-only flag Micronaut Data sets on non-transactional reads.
 */
package org.bangui.adapters.persistence;
