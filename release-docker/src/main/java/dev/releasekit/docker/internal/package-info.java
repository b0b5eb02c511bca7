/**
 * Not API: the HTTP client of the distribution API (authentication, retries, rate limits), the Docker
 * configuration reader, media types, and the local {@code docker-registry} launcher and sample images that the
 * tests' registry fixture and the retag benchmark share. Anything here may change without notice.
 */
package dev.releasekit.docker.internal;
