/**
 * Release notes, changelog sections and commit logs, as pure values: inputs are commits and pull requests already
 * fetched, outputs are text. Nothing here touches git or the network, so the same input always renders the same
 * bytes.
 *
 * <ul>
 *   <li>{@link dev.releasekit.notes.ReleaseNotes}: collects the pull requests of a release from its commits, by
 *       the rules of Home Assistant's hass-release, and renders them for the website or GitHub
 *       ({@link dev.releasekit.notes.Variant}), laid out by a {@link dev.releasekit.notes.NotesStyle}.
 *   <li>{@link dev.releasekit.notes.ChangelogSection}: a {@code CHANGELOG.md} section such as PostHog's
 *       {@code ### 1.14.0 - Thursday 03 September}, inserted once.
 *   <li>{@link dev.releasekit.notes.CommitLog}: the {@code %s %ae} commit log and the external contributors in it.
 * </ul>
 *
 * <pre>{@code
 * ReleaseNotes notes = ReleaseNotes.builder()
 *     .version(Version.parse("0.57.0"))
 *     .milestone("0.57")
 *     .commits(commits)              // oldest first
 *     .pullRequests(pullRequests)    // by number
 *     .style(NotesStyle.homeAssistant())
 *     .build();
 * String body = notes.render(Variant.GITHUB);
 * }</pre>
 */
package dev.releasekit.notes;
