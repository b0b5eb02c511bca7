/**
 * Git for release steps: a {@link dev.releasekit.git.Workspace} over JGit that observes origin, commits in memory
 * on top of origin's tips and pushes without force, so it never touches a developer's checkout, never deletes a
 * ref and never moves a tag.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(Path.of("."), Secret.fromEnv("GITHUB_TOKEN"))) {
 *   ws.fetch();
 *   List<Commit> log = ws.gitLog("1.30.0", "release-1.31.0");   // exactly git log 1.30.0..release-1.31.0's order
 *   List<Commit> replay = ws.log("1.30.0", "release-1.31.0");   // the same commits, oldest first, parents first
 * }
 * }</pre>
 */
package dev.releasekit.git;
