/**
 * What other modules implement: {@link dev.releasekit.spi.Step} (one idempotent move towards a state),
 * {@link dev.releasekit.spi.Hosting} (pull requests, milestones, releases), {@link dev.releasekit.spi.ImageRegistry}
 * and {@link dev.releasekit.spi.Announcer}, plus the values they exchange.
 *
 * <pre>{@code
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .cutBranch()
 *     .then(Registry.awaitTag("posthog/posthog:release-1.31.0-unstable", Duration.ofMinutes(30)));
 * }</pre>
 */
package dev.releasekit.spi;
