package dev.releasekit.website;

import dev.releasekit.spi.Step;

/**
 * The website's release steps, for {@code Release.then(...)} on the site's repository. Home Assistant's site is a
 * second repository of the core release, with {@link dev.releasekit.Conventions#homeAssistantWebsite()}; its steps
 * read the core release's notes from the release's context, so they come after core's {@code releaseNotes()}.
 *
 * <pre>{@code
 * Release.of("0.57")
 *     .repository("core", core).onReleaseBranch().cherryPickMilestone("0.57").releaseNotes()
 *     .repository("website", site).conventions(Conventions.homeAssistantWebsite()).onReleaseBranch()
 *         .then(Website.blogPost(post))
 *         .then(Website.docStubs())
 *         .then(Website.releaseKeys())
 *         .then(Website.credits())                          // everyone who committed to the organisation
 *     .repository("core").mergePr().publishRelease()
 *     .repository("website")
 *         .mergeForward("current", "release-0-57")          // a merge commit: the pull request becomes mergeable
 *         .after("core", ResultKey.PUBLISHED_RELEASE)       // the site goes live only once core is published
 *         .mergePr()                                        // into current, never squashed
 *         .mergeForward("current", "next")
 *         .then(Website.blogPostLive(post))                 // WebsiteResults.BLOG_POST_URL, for the announcement
 *         .then(slack.announce("Home Assistant {version}: {blog.url}"));
 * }</pre>
 *
 * <p>The preparation needs no step of this module: {@code mergeForward("current", "next").cutBranch().openPr()} on
 * the site does it, with the site's conventions.
 *
 * <p>PostHog's update feed is {@link #versionsEntry()}, on the sync pull request, merged once the images exist:
 *
 * <pre>{@code
 * Release.of("1.31.0").conventions(Conventions.postHog()).onReleaseBranch().tag().syncBranch()
 *     .then(Website.versionsEntry())
 *     .then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)))
 *     .then(hub.awaitTag("posthog/posthog:latest-release", Duration.ofHours(2)))
 *     .mergeSyncPr();
 * }</pre>
 */
public final class Website {
  private Website() {
  }

  /** The release's blog post; see {@link BlogPost}. */
  public static Step blogPost(BlogPost post) {
    return post;
  }

  /** After the site's pull request is merged: the post's address, for announcements; see {@link BlogPost#live()}. */
  public static Step blogPostLive(BlogPost post) {
    return post.live();
  }

  /** Documentation stubs for new integrations in {@code source/_integrations}; see {@link DocStubs}. */
  public static Step docStubs() {
    return DocStubs.homeAssistant();
  }

  public static Step docStubs(DocStubs stubs) {
    return stubs;
  }

  /** The release keys of {@code _config.yml}; see {@link ReleaseKeys}. */
  public static Step releaseKeys() {
    return ReleaseKeys.homeAssistant();
  }

  public static Step releaseKeys(ReleaseKeys keys) {
    return keys;
  }

  /** PostHog's {@code versions.json} entry for the release, on the sync branch; see {@link VersionsEntry}. */
  public static Step versionsEntry() {
    return VersionsEntry.postHog();
  }

  public static Step versionsEntry(VersionsEntry entry) {
    return entry;
  }

  /** The credits page, {@code source/developers/credits.markdown}, from the hosting; see {@link Credits}. */
  public static Step credits() {
    return Credits.homeAssistant();
  }

  public static Step credits(Credits credits) {
    return credits;
  }
}
