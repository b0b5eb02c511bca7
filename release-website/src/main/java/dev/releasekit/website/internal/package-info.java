/**
 * Not API: the HTTP plumbing of the announcers (status as data, rate limits waited out within a budget, answers
 * that never arrived), their JSON, and the announcement step. Anything here may change without notice.
 */
package dev.releasekit.website.internal;
