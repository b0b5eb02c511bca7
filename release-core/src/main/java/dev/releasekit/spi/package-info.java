/**
 * What other modules implement and steps use: {@link dev.releasekit.spi.Step} (one idempotent move towards a
 * state) and its {@link dev.releasekit.spi.StepContext} (every service a step may touch: the repository, the
 * {@link dev.releasekit.spi.Hosting}, the {@link dev.releasekit.spi.ImageRegistry}, the
 * {@link dev.releasekit.spi.Announcer}s, {@link dev.releasekit.spi.HttpEndpoint}s, one clock and one sleeper, the
 * results of earlier steps), {@link dev.releasekit.spi.SideEffect} for effects that cannot be observed afterwards,
 * the typed {@link dev.releasekit.spi.Journal}, and the values they exchange.
 *
 * <pre>{@code
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .cutBranch()
 *     .then(hub.awaitTag("posthog/posthog:release-1.31.0-unstable", Duration.ofMinutes(30)));
 * }</pre>
 */
package dev.releasekit.spi;
