/**
 * Container registries and Helm charts for releases: {@link dev.releasekit.docker.Registry} (the OCI distribution
 * API, with Docker Hub's token flow), {@link dev.releasekit.docker.ImageRef} (image references as {@code docker pull}
 * reads them), and the steps {@link dev.releasekit.docker.AwaitTag}, {@link dev.releasekit.docker.Retag} and
 * {@link dev.releasekit.docker.HelmChart}. The registry steps always use the release's registry: the one wired with
 * {@code Release.withRegistry(...)}, or else the one they were built from, which the engine wires and, in a plan,
 * overlays, so a plan never puts a manifest and never sleeps.
 *
 * <pre>{@code
 * Registry hub = Registry.create();
 * release.then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)))
 *        .then(hub.retag("posthog/posthog:release-1.31.0", "latest-release").move());
 * }</pre>
 */
package dev.releasekit.docker;
