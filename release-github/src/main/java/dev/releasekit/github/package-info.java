/**
 * GitHub as a {@link dev.releasekit.spi.Hosting}: pull requests, labels, milestones, releases, compare, users and
 * contributors over GitHub's REST API, with batches over GraphQL, for github.com and GitHub Enterprise Server.
 *
 * <pre>{@code
 * GitHub github = GitHub.fromEnv();
 * github.milestone("0.57").ifPresent(m -> System.out.println(github.milestoneItems(m).size() + " items"));
 * System.out.println(github.requestCount());
 * }</pre>
 *
 * <p>When the origin is on github.com (or the Enterprise host in {@code GITHUB_SERVER_URL}), {@code Release}
 * finds this hosting by itself through {@link java.util.ServiceLoader}.
 */
package dev.releasekit.github;
