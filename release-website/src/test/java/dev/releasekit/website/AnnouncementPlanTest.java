package dev.releasekit.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.Outcome;
import dev.releasekit.Plan;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.website.testing.LeakGuard;
import org.junit.jupiter.api.Test;

/** Plans send nothing and show the exact text; a template reads typed results and refuses missing ones. */
class AnnouncementPlanTest extends AnnouncerTestSupport {
  private static final String TEMPLATE = "Home Assistant {version} is out: {release.url} (post: {blog.url})";

  /** Stands for the publish and blog-post steps: produces the results an announcement links. */
  private static Step published(boolean draft) {
    return new Step() {
      @Override
      public String description() {
        return "publish 0.57";
      }

      @Override
      public StepResult apply(StepContext context) {
        return StepResult.alreadyDone("published").with(ResultKey.PUBLISHED_RELEASE, new HostedRelease("1", "0.57.0",
            "0.57", "notes", draft ? HostedRelease.Status.DRAFT : HostedRelease.Status.PUBLISHED,
            "https://github.com/home-assistant/core/releases/tag/0.57.0"))
            .with(WebsiteResults.BLOG_POST_URL, "https://www.home-assistant.io/blog/2017/11/04/release-57/");
      }
    };
  }

  private Release everyAnnouncer() {
    return Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .announcer(stub.slack().build()).announcer(stub.webhook().build()).announcer(stub.json().build())
        .then(published(false)).then(Announcements.announce(TEMPLATE));
  }

  @Test
  void aPlanWithEveryAnnouncerSendsNothingAndShowsTheExactText() {
    String before = fixture.fingerprint();

    Plan plan = everyAnnouncer().plan();

    String text = "Home Assistant 0.57.0 is out: https://github.com/home-assistant/core/releases/tag/0.57.0 (post:"
        + " https://www.home-assistant.io/blog/2017/11/04/release-57/)";
    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.WOULD_DO);
    assertThat(plan.step(2).output()).isEqualTo(text);
    assertThat(plan.step(2).detail()).contains("post to slack C0RELEASES: " + text)
        .contains("post to slack webhook #releases: " + text).contains("post to webhook ops: " + text);
    assertThat(stub.requests()).as("nothing reached Slack or the webhooks").isZero();
    assertThat(fixture.fingerprint()).isEqualTo(before);
    LeakGuard.record(plan.toString() + plan.toMarkdown() + plan.toJson());
  }

  @Test
  void aRunThenPostsTheTextThePlanShowedOncePerAnnouncer() {
    everyAnnouncer().run();

    assertThat(stub.posts()).hasSize(1);
    assertThat(stub.webhookPosts()).hasSize(1);
    assertThat(stub.jsonPosts()).hasSize(1);
    assertThat(everyAnnouncer().run().isNoOp()).isTrue();
    assertThat(stub.writes()).hasSize(3);
  }

  @Test
  void aReleaseWithoutABlogPostBlocksThePlanNamingTheFieldAndWhatProducesIt() {
    Plan plan = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .then(stub.slack().build().announce("Read the post: {blog.url}")).plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(1).error()).contains("PreconditionException");
    assertThat(plan.step(1).detail()).contains("{blog.url}").contains("blog-post-url")
        .contains("the website's blog-post step").contains("never goes out with an empty link");
    assertThat(stub.requests()).isZero();
  }

  @Test
  void aDraftReleaseIsNotLinked() {
    Plan plan = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting()).then(published(true))
        .then(stub.slack().build().announce("Out: {release.url}")).plan();

    assertThat(plan.step(2).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(2).error()).contains("PreconditionException");
    assertThat(plan.step(2).detail()).contains("still a draft");
  }

  @Test
  void aTemplateNamingAFieldThatDoesNotExistIsRefusedWhenItIsMade() {
    Throwable refused = LeakGuard.thrown(() -> stub.slack().build().announce("Out: {release.link}"));

    assertThat(refused).isInstanceOf(PreconditionException.class).hasMessageContaining("{release.link}")
        .hasMessageContaining("{release.url}");
    assertThat(MessageTemplate.of("{{version} is {version}").fields()).containsExactly(MessageTemplate.Field.VERSION);
  }

  @Test
  void anAnnouncementAfterNoAnnouncerIsBlockedSayingWhatToWire() {
    Plan plan = Release.of("0.57").in(fixture.workTree()).hostedOn(fixture.hosting())
        .then(Announcements.announce("{version}")).plan();

    assertThat(plan.step(1).outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(plan.step(1).error()).contains("PreconditionException");
    assertThat(plan.step(1).detail()).contains("Release.announcer(...)");
  }
}
