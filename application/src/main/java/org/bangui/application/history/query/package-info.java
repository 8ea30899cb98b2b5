/**
 * Reading the ban archive: pages of archived bans, statistics, a streamed export, and everything known about one
 * address (its archived bans, its country, where it is banned now). Writing the archive is the sync side's job.
 */
package org.bangui.application.history.query;
