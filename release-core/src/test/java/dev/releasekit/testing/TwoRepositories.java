package dev.releasekit.testing;

import dev.releasekit.Conventions;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.git.Workspace;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.notes.Variant;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Home Assistant's release as one release of two repositories, {@code core} and {@code website}, on local origins
 * and LocalHosting. The website's side uses the engine's verbs and a small blog-post step that reads the notes of
 * core's release pull request from the context, until release-website has its own steps.
 */
public final class TwoRepositories {
  /** The site's branches: {@code current} is live, {@code next} holds the coming release's docs. */
  public static final Conventions SITE = Conventions.homeAssistantWebsite();
  public static final String POST = "source/_posts/2017-11-04-release-57.markdown";

  private final ReleaseDayScenario core;
  private final GitFixture website;

  private TwoRepositories(ReleaseDayScenario core, GitFixture website) {
    this.core = core;
    this.website = website;
  }

  /** Both repositories ready for release day: core's scenario, and the website prepared by the two-repo release. */
  public static TwoRepositories onReleaseDay(Path temp) {
    ReleaseDayScenario core = ReleaseDayScenario.homeAssistant(temp.resolve("core")).deferUnmerged();
    GitFixture website = GitFixture.homeAssistantWebsite(temp.resolve("site"));
    preparation(core.fixture(), website).run();
    return new TwoRepositories(core, website);
  }

  /** Core's release-day scenario, to add pull requests to before release day. */
  public ReleaseDayScenario scenario() {
    return core;
  }

  public GitFixture core() {
    return core.fixture();
  }

  public GitFixture website() {
    return website;
  }

  /** Both origins' refs and both hosting stores, hashed: what a plan must leave identical. */
  public String fingerprint() {
    return core().fingerprint() + "|" + website.fingerprint();
  }

  /** What both origins hold, independent of commit timestamps. */
  public String contentState() {
    return core().contentState() + "|" + website.contentState();
  }

  public static Release preparation(GitFixture core, GitFixture website) {
    return preparation(core, core.hosting(), website, website.hosting());
  }

  /**
   * The preparation of both on the given hostings (release-github's stub, say): core's merge forward, release
   * branch, version bump and pull request; the site's {@code current} into {@code next}, {@code release-0-57} cut
   * from {@code next}, and its pull request into {@code current} titled with the release number.
   */
  public static Release preparation(GitFixture core, Hosting coreHosting, GitFixture website,
      Hosting websiteHosting) {
    return Release.of("0.57")
        .repository("core", core.workTree()).hostedOn(coreHosting)
            .mergeForward("master", "dev").cutBranch().bumpVersion().openPr()
        .repository("website", website.workTree()).hostedOn(websiteHosting).conventions(SITE)
            .mergeForward("current", "next").cutBranch().openPr();
  }

  /**
   * Release day of both. Core's hosting gets fixed web addresses, so that notes (and the post made from them) are
   * the same bytes whatever folder the test runs in.
   */
  public Release releaseDay() {
    return Release.of("0.57")
        .repository("core", core().workTree())
            .hostedOn(core().hosting().withWebUrls("https://github.com/home-assistant/core", "https://github.com/"))
            .onReleaseBranch()
            .cherryPickMilestone("0.57").releaseNotes()
        .repository("website", website.workTree()).hostedOn(website.hosting()).conventions(SITE)
            .onReleaseBranch().then(new BlogPostFromCoreNotes("release-0-57", POST))
        .repository("core")
            .mergePr().publishRelease().closeMilestone().startNextDevelopment()
        .repository("website")
            .mergeForward("current", "release-0-57").after("core", ResultKey.PUBLISHED_RELEASE).mergePr()
            .mergeForward("current", "next");
  }

  /** Writes the website variant of core's release notes as the blog post; the post is this step's whole file. */
  public static final class BlogPostFromCoreNotes implements Step {
    private final String branch;
    private final String path;

    public BlogPostFromCoreNotes(String branch, String path) {
      this.branch = branch;
      this.path = path;
    }

    @Override
    public String description() {
      return "write " + path + " on " + branch + " from core's release notes";
    }

    @Override
    public StepResult apply(StepContext context) {
      ReleaseNotes notes = context.result("core", ResultKey.NOTES).orElseThrow(() -> new PreconditionException(
          "core has written no release notes in this release; put releaseNotes() before this step."));
      byte[] post = ("---\nlayout: post\ntitle: \"0.57\"\n---\n\n" + notes.render(Variant.WEBSITE))
          .getBytes(StandardCharsets.UTF_8);
      Workspace ws = context.workspace();
      String tip = ws.remoteBranch(branch).orElseThrow(() -> new PreconditionException("no " + branch));
      Optional<byte[]> existing = ws.readFile(tip, path);
      if (existing.isPresent() && java.util.Arrays.equals(existing.get(), post)) {
        return StepResult.alreadyDone(path + " holds the notes");
      }
      ws.commit(branch, tip, "Release notes for 0.57", Map.of(path, post));
      return StepResult.done(path + " written (" + notes.entries().size() + " entries)");
    }
  }
}
