package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Repository of {@link JobRunRow}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface JobRunRepository extends CrudRepository<JobRunRow, Long> {

    /** Ends a run that has not ended yet; returns 0 if it had. */
    @Query("UPDATE job_run SET finished_at = :finishedAt, outcome = :outcome, detail = :detail "
            + "WHERE id = :id AND outcome IS NULL")
    int finishRun(long id, long finishedAt, String outcome, String detail);

    /** Ends every unfinished run not started by {@code except} as interrupted. */
    @Query("UPDATE job_run SET finished_at = :finishedAt, outcome = 'interrupted', detail = :detail "
            + "WHERE outcome IS NULL AND instance <> :except")
    int interruptUnfinished(String except, long finishedAt, String detail);

    /** Newest first, below {@code beforeId}; each filter applies only when given. */
    @Query("SELECT * FROM job_run WHERE (:job IS NULL OR job = :job) AND (:beforeId IS NULL OR id < :beforeId) "
            + "ORDER BY id DESC LIMIT :limit")
    List<JobRunRow> page(@Nullable String job, @Nullable Long beforeId, int limit);
}
