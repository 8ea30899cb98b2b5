package org.bangui.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code job_run}. */
@MappedEntity("job_run")
record JobRunRow(@Id @GeneratedValue @Nullable Long id, String job, String instance, String runTrigger,
                 long startedAt, @Nullable Long finishedAt, @Nullable String outcome, String detail) {
}
