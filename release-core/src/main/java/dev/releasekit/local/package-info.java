/**
 * The embedded default: {@link dev.releasekit.local.LocalHosting}, a hosting kept as JSON in a folder next to a
 * bare origin, and {@link dev.releasekit.local.LocalProject}, which builds whole sandboxes (origin, clone, hosting)
 * for demos, JShell sessions and tests. No token and no network are needed.
 *
 * <pre>{@code
 * LocalProject project = LocalProject.homeAssistant(Files.createTempDirectory("ha"));
 * Release.of("0.57").in(project.workTree()).cutBranch().bumpVersion().openPr().run();
 * project.hosting().findPullRequest("release-0-57", "master");
 * }</pre>
 */
package dev.releasekit.local;
