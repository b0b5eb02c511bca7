package dev.releasekit.website.testing;

import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.local.LocalHosting;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Step;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import dev.releasekit.testing.Seeding;
import dev.releasekit.testing.TwoRepositories;
import dev.releasekit.website.BlogPost;
import dev.releasekit.website.Website;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Home Assistant's core and website on release day of 0.57, prepared by the two-repository preparation, with four
 * integration pull requests in the milestone: the website's steps read core's notes from the release.
 *
 * <pre>{@code
 * SiteReleaseDay day = SiteReleaseDay.prepare(temp);
 * day.coreNotesThen(Website.docStubs()).run();
 * day.website().file("release-0-57", "source/_integrations/tado.markdown");
 * day.hostedThrough(recorder::wrap).releaseDay().plan();   // both hostings seen through a wrapper
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

  private final ReleaseDayScenario scenario;
  private final GitFixture website;
  private final Hosting coreHosting;
  private final Hosting websiteHosting;
  private final UnaryOperator<Hosting> hostings;

  private SiteReleaseDay(ReleaseDayScenario scenario, GitFixture website, Hosting coreHosting,
      Hosting websiteHosting, UnaryOperator<Hosting> hostings) {
    this.scenario = scenario;
    this.website = website;
    this.coreHosting = coreHosting;
    this.websiteHosting = websiteHosting;
    this.hostings = hostings;
  }

  /** Where a repository of the release is hosted, and how other people's work is seeded there. */
  public record Hosted(Hosting hosting, Seeding seeding) {
  }

  /** Hosts each repository's origin: {@code name} is {@code core} or {@code website}. */
  @FunctionalInterface
  public interface Hosts {
    Hosted host(String name, GitFixture fixture);
  }

  /**
   * Both on LocalHosting. Core's gets fixed web addresses, so that notes (and the post made from them) are the same
   * bytes whatever folder the test runs in.
   */
  public static SiteReleaseDay prepare(Path temp) {
    return prepare(temp, (name, fixture) -> new Hosted(name.equals("core") ? fixture.hosting().withWebUrls(
        "https://github.com/home-assistant/home-assistant", "https://github.com/") : fixture.hosting(),
        Seeding.of(fixture.hosting())));
  }

  /** Both on the hostings {@code hosts} gives, such as release-github's stub sharing each fixture's origin. */
  public static SiteReleaseDay prepare(Path temp, Hosts hosts) {
    GitFixture core = GitFixture.homeAssistant(temp.resolve("core"));
    Hosted coreHost = hosts.host("core", core);
    ReleaseDayScenario scenario = ReleaseDayScenario.on(core, coreHost.hosting(), coreHost.seeding())
        .deferUnmerged();
    GitFixture website = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    Hosting websiteHosting = hosts.host("website", website).hosting();
    TwoRepositories.preparation(core, coreHost.hosting(), website, websiteHosting).run();
    scenario.withNewIntegrations();
    return new SiteReleaseDay(scenario, website, coreHost.hosting(), websiteHosting, UnaryOperator.identity());
  }

  /**
   * The same repositories, with each release's hostings passed through {@code wrap} (a recorder that refuses
   * writes, for instance); the fixtures' own hostings stay what tests seed and inspect.
   */
  public SiteReleaseDay hostedThrough(UnaryOperator<Hosting> wrap) {
    return new SiteReleaseDay(scenario, website, coreHosting, websiteHosting, Objects.requireNonNull(wrap, "wrap"));
  }

  /** Core's scenario, to add pull requests to the milestone. */
  public ReleaseDayScenario scenario() {
    return scenario;
  }

  public GitFixture core() {
    return scenario.fixture();
  }

  public GitFixture website() {
    return website;
  }

  /** Both origins' refs and LocalHosting stores, hashed: what a plan and a no-op re-run leave identical. */
  public String fingerprint() {
    return core().fingerprint() + "|" + website.fingerprint();
  }

  /** What both origins hold, independent of commit timestamps. */
  public String contentState() {
    return core().contentState() + "|" + website.contentState();
  }

  private static Release core(Release release, Path coreWorkTree, Hosting coreHosting) {
    return release.date(DAY).repository("core", coreWorkTree).hostedOn(coreHosting)
        .onReleaseBranch().cherryPickMilestone("0.57").releaseNotes();
  }

  private static Release site(Release release, Path siteWorkTree, Hosting siteHosting) {
    return release.repository("website", siteWorkTree).hostedOn(siteHosting)
        .conventions(Conventions.homeAssistantWebsite()).onReleaseBranch();
  }

  /** Core's picks and notes, then {@code steps} on the website's release branch. */
  public Release coreNotesThen(Step... steps) {
    return coreNotesThen(core().workTree(), hostings.apply(coreHosting), website().workTree(),
        hostings.apply(websiteHosting), steps);
  }

  private static Release coreNotesThen(Path coreWorkTree, Hosting coreHosting, Path siteWorkTree,
      Hosting siteHosting, Step... steps) {
    Release release = site(core(Release.of("0.57"), coreWorkTree, coreHosting), siteWorkTree, siteHosting);
    for (Step step : steps) {
      release = release.then(step);
    }
    return release;
  }

  /** Release day of both, as the site's checklist runs it, with every website step. */
  public Release releaseDay() {
    return releaseDay(core().workTree(), hostings.apply(coreHosting), website().workTree(),
        hostings.apply(websiteHosting));
  }

  /**
   * Release day of both from the folders {@link #prepare(Path)} made, for a child process that knows only the
   * folders (the hostings are {@code LocalHosting.forOrigin} of each origin); core's gets the fixed web addresses
   * {@code prepare} gives it.
   */
  public static Release releaseDay(Path coreWorkTree, LocalHosting coreHosting, Path siteWorkTree,
      Hosting siteHosting) {
    return releaseDay(coreWorkTree, (Hosting) coreHosting.withWebUrls(
        "https://github.com/home-assistant/home-assistant", "https://github.com/"), siteWorkTree, siteHosting);
  }

  private static Release releaseDay(Path coreWorkTree, Hosting coreHosting, Path siteWorkTree,
      Hosting siteHosting) {
    return coreNotesThen(coreWorkTree, coreHosting, siteWorkTree, siteHosting, Website.blogPost(POST_057),
        Website.docStubs(), Website.releaseKeys())
        .repository("core").mergePr().publishRelease().closeMilestone().startNextDevelopment()
        .repository("website")
            .mergeForward("current", "release-0-57").after("core", ResultKey.PUBLISHED_RELEASE).mergePr()
            .mergeForward("current", "next").then(Website.blogPostLive(POST_057));
  }
}
