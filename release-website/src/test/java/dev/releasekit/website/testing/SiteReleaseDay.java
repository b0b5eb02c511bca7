package dev.releasekit.website.testing;

import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Step;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.TwoRepositories;
import dev.releasekit.website.BlogPost;
import dev.releasekit.website.Website;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Home Assistant's core and website on release day of 0.57, prepared by the two-repository preparation, with four
 * integration pull requests in the milestone: the website's steps read core's notes from the release.
 *
 * <pre>{@code
 * SiteReleaseDay day = SiteReleaseDay.prepare(temp);
 * day.coreNotesThen(Website.docStubs()).run();
 * day.website().file("release-0-57", "source/_integrations/tado.markdown");
 * }</pre>
 */
public final class SiteReleaseDay {
  /** The release's date, fixed so that the post's name and the config's date do not depend on the clock. */
  public static final LocalDate DAY = LocalDate.of(2017, 11, 4);
  public static final String POST = "source/_posts/2017-11-04-release-57.markdown";
  public static final String HIGHLIGHTS = "<img src='/images/blog/2017-11-0.57/languages.png' style='border: 0;"
      + "box-shadow: none;'>\n\nWe are proud to announce translations of the frontend.";
  public static final BlogPost POST_057 = BlogPost.builder()
      .title("0.57: Translations, Hacktoberfest, Timers")
      .description("Due to Hacktoberfest we had to ship more fixes, improvements and components than usual.")
      .author("Paulus Schoutsen", "balloob")
      .ogImage("/images/blog/2017-11-0.57/languages.png")
      .time(LocalTime.of(4, 0))
      .highlights(HIGHLIGHTS)
      .build();

  private final TwoRepositories both;

  private SiteReleaseDay(TwoRepositories both) {
    this.both = both;
  }

  public static SiteReleaseDay prepare(Path temp) {
    TwoRepositories both = TwoRepositories.onReleaseDay(temp);
    both.scenario().withNewIntegrations();
    return new SiteReleaseDay(both);
  }

  /** Core's scenario, to add pull requests to the milestone. */
  public dev.releasekit.testing.ReleaseDayScenario scenario() {
    return both.scenario();
  }

  public GitFixture core() {
    return both.core();
  }

  public GitFixture website() {
    return both.website();
  }

  /** Both origins' refs and hostings, hashed: what a plan and a no-op re-run leave identical. */
  public String fingerprint() {
    return both.fingerprint();
  }

  /** What both origins hold, independent of commit timestamps. */
  public String contentState() {
    return both.contentState();
  }

  private static Release core(Release release, Path coreWorkTree, LocalHosting coreHosting) {
    return release.date(DAY).repository("core", coreWorkTree)
        .hostedOn(coreHosting.withWebUrls("https://github.com/home-assistant/home-assistant",
            "https://github.com/"))
        .onReleaseBranch().cherryPickMilestone("0.57").releaseNotes();
  }

  private static Release site(Release release, Path siteWorkTree, Hosting siteHosting) {
    return release.repository("website", siteWorkTree).hostedOn(siteHosting)
        .conventions(Conventions.homeAssistantWebsite()).onReleaseBranch();
  }

  /** Core's picks and notes, then {@code steps} on the website's release branch. */
  public Release coreNotesThen(Step... steps) {
    return coreNotesThen(core().workTree(), core().hosting(), website().workTree(), website().hosting(), steps);
  }

  private static Release coreNotesThen(Path coreWorkTree, LocalHosting coreHosting, Path siteWorkTree,
      Hosting siteHosting, Step... steps) {
    Release release = site(core(Release.of("0.57"), coreWorkTree, coreHosting), siteWorkTree, siteHosting);
    for (Step step : steps) {
      release = release.then(step);
    }
    return release;
  }

  /** Release day of both, as the site's checklist runs it, with every website step. */
  public Release releaseDay() {
    return releaseDay(core().workTree(), core().hosting(), website().workTree(), website().hosting());
  }

  /**
   * Release day of both from the folders {@link #prepare} made, for a child process that knows only the folders
   * (the hostings are {@code LocalHosting.forOrigin} of each origin).
   */
  public static Release releaseDay(Path coreWorkTree, LocalHosting coreHosting, Path siteWorkTree,
      Hosting siteHosting) {
    return coreNotesThen(coreWorkTree, coreHosting, siteWorkTree, siteHosting, Website.blogPost(POST_057),
        Website.docStubs(), Website.releaseKeys())
        .repository("core").mergePr().publishRelease().closeMilestone().startNextDevelopment()
        .repository("website")
            .mergeForward("current", "release-0-57").after("core", ResultKey.PUBLISHED_RELEASE).mergePr()
            .mergeForward("current", "next").then(Website.blogPostLive(POST_057));
  }
}
