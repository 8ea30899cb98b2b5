/**
 * The scheduler lock: of all instances that share one database or one Redis, only the holder of this lock runs
 * scheduled jobs. {@link org.bangui.domain.scheduler.SchedulerLockPort} is implemented on SQLite (a
 * {@code scheduler_lock} row with a heartbeat) and on Redis ({@code SET NX PX} plus owner-checked scripts).
 */
package org.bangui.domain.scheduler;
