package org.bangui.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Repository of {@link AdminAccountRow}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AdminAccountRepository extends CrudRepository<AdminAccountRow, Long> {
}
