/**
 * Background jobs: their run records and {@link org.bangui.domain.job.JobRunPort}, the store that keeps them
 * across restarts.
 */
package org.bangui.domain.job;
