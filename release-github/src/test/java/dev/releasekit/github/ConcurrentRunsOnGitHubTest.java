package dev.releasekit.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.Outcome;
import dev.releasekit.PreconditionException;
import dev.releasekit.Release;
import dev.releasekit.Report;
import dev.releasekit.ResultKey;
import dev.releasekit.StepResult;
import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.github.testing.TokenLeakGuard;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.testing.ForwardingHosting;
import dev.releasekit.testing.GitFixture;
import dev.releasekit.testing.ReleaseDayScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub refuses with {@code 422} because the object exists, the client raises as the same
 * {@link AlreadyExistsException} that {@code LocalHosting} raises; and core's steps, meeting it when another run
 * created the object between their look and their create, adopt it on GitHub as they do locally.
 */
@ExtendWith(TokenLeakGuard.class)
class ConcurrentRunsOnGitHubTest {
  @TempDir
  Path temp;
  GitFixture fixture;
  GitHubStub stub;
  GitHub github;

  @BeforeEach
  void stubOnTheFixturesOrigin() {
    fixture = GitFixture.homeAssistant(temp);
    stub = GitHubStub.start("home-assistant/core").withOrigin(fixture.origin());
    github = stub.client().build();
  }

  @AfterEach
  void validate() {
    try {
      assertThat(stub.validationErrors()).as("exchanges that do not fit GitHub's OpenAPI description").isEmpty();
    } finally {
      stub.close();
    }
  }

  /** The same refusal, raised by the local hosting and by the client on the stub alike. */
  private static void refusedAlike(List<Hosting> hostings, Function<Hosting, Object> create, Change.Kind kind,
      String target) {
    for (Hosting hosting : hostings) {
      create.apply(hosting);
      Throwable e = TokenLeakGuard.thrown(() -> create.apply(hosting));
      assertThat(e).as(hosting.name()).isInstanceOfSatisfying(AlreadyExistsException.class, a -> {
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.target()).isEqualTo(target);
      });
    }
  }

  /** The creates GitHub answered with 422 on paths matching {@code pathRegex}. */
  private static List<GitHubStub.Recorded> refusals(GitHubStub stub, String pathRegex) {
    return stub.requests(r -> r.method().equals("POST") && r.path().matches(pathRegex) && r.status() == 422);
  }

  // ------------------------------------------------------------ LocalHosting behaves like GitHub

  @Test
  void bothHostingsRefuseASecondOpenPullRequestForTheSameHeadAndBaseAlike() {
    fixture.project().branch("release-0-57", "dev");

    refusedAlike(List.of(fixture.hosting(), github),
        h -> h.openPullRequest("release-0-57", "master", "0.57", "notes"), Change.Kind.PULL_REQUEST,
        "release-0-57 -> master");

    assertThat(stub.pulls()).hasSize(1);
    assertThat(TokenLeakGuard.thrown(() -> github.openPullRequest("release-0-57", "master", "0.57", "")))
        .hasMessageContaining("422 Validation Failed; A pull request already exists for home-assistant:release-0-57.");
  }

  @Test
  void bothHostingsRefuseASecondReleaseForATagAlike() {
    refusedAlike(List.of(fixture.hosting(), github), h -> h.createDraftRelease("0.57", "0.57", "notes"),
        Change.Kind.RELEASE, "0.57");

    assertThat(stub.releases()).hasSize(1);
  }

  @Test
  void bothHostingsRefuseALabelNameTakenInAnyCaseAlike() {
    stub.label("cherry-picked");   // as the local fixture has it

    for (Hosting hosting : List.of(fixture.hosting(), github)) {
      Throwable e = TokenLeakGuard.thrown(() -> hosting.createLabel("Cherry-Picked"));
      assertThat(e).as(hosting.name()).isInstanceOfSatisfying(AlreadyExistsException.class,
          a -> assertThat(a.kind()).isEqualTo(Change.Kind.LABEL));
    }
    assertThat(stub.labelNames()).containsExactly("cherry-picked");
  }

  @Test
  void aPullRequestWithNothingNewIsStillAPreconditionNotAnAlreadyExists() {
    fixture.project().branch("release-0-57", "master");

    Throwable e = TokenLeakGuard.thrown(() -> github.openPullRequest("release-0-57", "master", "0.57", ""));

    assertThat(e).isInstanceOf(PreconditionException.class).isNotInstanceOf(ConflictException.class)
        .hasMessageContaining("No commits between master and release-0-57");
  }

  // ------------------------------------------------------------ a create meets what another run made meanwhile

  @Test
  void aPullRequestAnotherRunOpenedMeanwhileIsAdoptedOnGitHubAndARerunWritesNothing() {
    Hosting racing = new ForwardingHosting(github) {
      @Override
      public PullRequest openPullRequest(String head, String base, String title, String body) {
        delegate().openPullRequest(head, base, title, "opened by the other run");
        return super.openPullRequest(head, base, title, body);
      }
    };
    Function<Hosting, Release> openPr = h -> Release.of("0.57").in(fixture.workTree()).hostedOn(h).cutBranch()
        .openPr();

    Report report = openPr.apply(racing).run();

    assertThat(stub.pulls()).singleElement().satisfies(pr -> assertThat(pr.body).isEqualTo("opened by the other run"));
    assertThat(refusals(stub, ".*/pulls")).as("GitHub answered this run's create with 422").hasSize(1);
    assertThat(report.step(2).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.result(ResultKey.RELEASE_PR)).map(PullRequest::number)
        .contains(stub.pulls().get(0).number);

    int before = stub.requests().size();
    Report again = openPr.apply(github).run();
    assertThat(again.steps()).extracting(StepResult::outcome).containsOnly(Outcome.ALREADY_DONE);
    assertThat(stub.requests().subList(before, stub.requests().size())).noneMatch(GitHubStub.Recorded::isWrite);
  }

  @Test
  void aReleaseAnotherRunPublishedMeanwhileIsAdoptedOnGitHubAndOneTitledOtherwiseBlocks() {
    ReleaseDayScenario.preparation(fixture, github).run();
    Function<String, Hosting> otherRunCreates = name -> new ForwardingHosting(github) {
      @Override
      public HostedRelease createDraftRelease(String tag, String title, String body) {
        delegate().publishRelease(delegate().createDraftRelease(tag, name, body).id());
        return super.createDraftRelease(tag, title, body);
      }
    };
    Function<Hosting, Release> publish = h -> Release.of("0.57").in(fixture.workTree()).hostedOn(h)
        .onReleaseBranch().mergePr().publishRelease();

    Report report = publish.apply(otherRunCreates.apply("0.57")).run();

    assertThat(stub.releases()).singleElement().satisfies(r -> assertThat(r.draft).isFalse());
    assertThat(stub.creations()).containsEntry("release", 1);
    assertThat(refusals(stub, ".*/releases")).hasSize(1);
    assertThat(report.step(3).outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(report.result(ResultKey.PUBLISHED_RELEASE)).map(HostedRelease::id)
        .contains(Long.toString(stub.releases().get(0).id));
    int before = stub.requests().size();
    assertThat(publish.apply(github).run().steps()).extracting(StepResult::outcome)
        .containsOnly(Outcome.ALREADY_DONE);
    assertThat(stub.requests().subList(before, stub.requests().size())).noneMatch(GitHubStub.Recorded::isWrite);
  }

  @Test
  void aReleaseAnotherRunCreatedUnderAnotherTitleMeanwhileBlocksOnGitHub() {
    ReleaseDayScenario.preparation(fixture, github).run();
    Hosting racing = new ForwardingHosting(github) {
      @Override
      public HostedRelease createDraftRelease(String tag, String title, String body) {
        delegate().createDraftRelease(tag, "Zero fifty-seven", body);
        return super.createDraftRelease(tag, title, body);
      }
    };

    Throwable e = TokenLeakGuard.thrown(() -> Release.of("0.57").in(fixture.workTree()).hostedOn(racing)
        .onReleaseBranch().mergePr().publishRelease().run());

    assertThat(e).isInstanceOf(ConflictException.class).isNotInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("titled 'Zero fifty-seven' instead of '0.57'");
    assertThat(stub.releases()).singleElement().satisfies(r -> assertThat(r.draft).isTrue());
  }

  @Test
  void aLabelAnotherRunCreatedMeanwhileIsAdoptedOnGitHubAndOneInAnotherCaseBlocks() {
    Function<String, Hosting> otherRunCreates = theirs -> new ForwardingHosting(github) {
      @Override
      public void createLabel(String name) {
        delegate().createLabel(theirs);
        super.createLabel(name);
      }
    };

    assertThat(Labels.create(otherRunCreates.apply("bump minor"), "bump minor")).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(stub.creations()).containsEntry("label", 1);
    assertThat(refusals(stub, ".*/labels")).hasSize(1);
    int before = stub.requests().size();
    assertThat(Labels.create(github, "bump minor")).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(stub.requests().subList(before, stub.requests().size())).noneMatch(GitHubStub.Recorded::isWrite);

    Throwable e = TokenLeakGuard.thrown(() -> Labels.create(otherRunCreates.apply("Bump Patch"), "bump patch"));
    assertThat(e).isInstanceOf(ConflictException.class).isNotInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("'Bump Patch' exists");
    assertThat(stub.labelNames()).containsExactlyInAnyOrder("bump minor", "Bump Patch");
  }
}
