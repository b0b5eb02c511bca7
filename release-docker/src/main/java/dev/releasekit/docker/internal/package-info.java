/**
 * Not API: the HTTP client of the distribution API (authentication, retries, rate limits), the Docker
 * configuration reader and media types. Anything here may change without notice. The local {@code docker-registry}
 * launcher, the sample images and the image pusher are test fixtures in the test-jar's
 * {@code dev.releasekit.docker.testing}.
 */
package dev.releasekit.docker.internal;
