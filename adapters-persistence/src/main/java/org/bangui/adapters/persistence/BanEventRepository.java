package org.bangui.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Repository of {@link BanEventRow}. The MySQL dialect is the one whose SQL SQLite accepts in full. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BanEventRepository extends CrudRepository<BanEventRow, Long> {

    List<BanEventRow> findByIp(String ip, Pageable page);
}
