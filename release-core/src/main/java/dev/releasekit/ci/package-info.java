/**
 * Continuous integration: {@link dev.releasekit.ci.GitHubActions} speaks GitHub Actions' files and workflow
 * commands, so any program that plans or runs a release in a workflow step (releasekit's own command line, or an
 * embedder's) gets the same step summary, typed outputs, annotations, log groups and masks.
 *
 * <pre>{@code
 * Optional<GitHubActions> actions = GitHubActions.fromEnvironment(System.getenv());
 * ReleaseListener listener = actions.map(GitHubActions::listener).orElse(ReleaseListener.console());
 * Plan plan = release.listener(listener).plan();
 * actions.ifPresent(a -> a.publish(plan));
 * }</pre>
 */
package dev.releasekit.ci;
