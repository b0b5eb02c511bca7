/**
 * The release engine: a {@link dev.releasekit.Release} is an immutable list of steps for one version, across one
 * or several repositories; {@link dev.releasekit.Release#plan()} rehearses them on throwaway copies and
 * {@link dev.releasekit.Release#run()} does them, each step observing origin first so that a re-run after any
 * failure finishes the job and duplicates nothing. Projects differ only in their {@link dev.releasekit.Conventions}.
 * Steps hand typed results ({@link dev.releasekit.ResultKey}) to later steps and to the
 * {@link dev.releasekit.Plan} and {@link dev.releasekit.Report}.
 *
 * <pre>{@code
 * Release day = Release.of("0.57").onReleaseBranch()
 *     .cherryPickMilestone("0.57")   // merged PRs in merge order, -m 1 for merge commits, -x trailers
 *     .releaseNotes()                // into the release PR's body
 *     .mergePr()                     // a merge commit, never a squash
 *     .publishRelease()              // annotated tag on master, draft release, then publish
 *     .closeMilestone()
 *     .startNextDevelopment();       // master into dev, 0.58.0.dev0 on dev
 * System.out.println(day.plan());
 * }</pre>
 *
 * <p>Errors are unchecked and typed by what to do next: {@link dev.releasekit.PreconditionException},
 * {@link dev.releasekit.ConflictException}, {@link dev.releasekit.RemoteException} and
 * {@link dev.releasekit.StepFailedException}, all under {@link dev.releasekit.ReleaseException}.
 */
package dev.releasekit;
