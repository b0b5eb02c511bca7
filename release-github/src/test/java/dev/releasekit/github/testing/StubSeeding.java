package dev.releasekit.github.testing;

import dev.releasekit.testing.Seeding;
import java.time.Instant;

/** {@link GitHubStub}'s seeding behind core's {@link Seeding}: what the scenarios in core's test-jar seed with. */
final class StubSeeding implements Seeding {
  private final GitHubStub stub;

  StubSeeding(GitHubStub stub) {
    this.stub = stub;
  }

  private GitHubStub.ItemSeed item(Pull pull) {
    GitHubStub.ItemSeed seed = stub.pull(pull.title()).number(pull.number()).labels(pull.labels()
        .toArray(String[]::new));
    if (pull.author() != null) {
      seed.author(pull.author());
    }
    if (pull.head() != null) {
      seed.head(pull.head());
    }
    if (pull.base() != null) {
      seed.base(pull.base());
    }
    if (pull.milestoneTitle() != null) {
      seed.milestone(pull.milestoneTitle());
    }
    return seed;
  }

  @Override
  public int recordMerged(Pull pull, String sha, Instant when) {
    return item(pull).mergedAs(sha, when).create();
  }

  @Override
  public int open(Pull pull) {
    return item(pull).create();
  }

  @Override
  public int file(Issue issue) {
    GitHubStub.ItemSeed seed = stub.issue(issue.title());
    if (issue.author() != null) {
      seed.author(issue.author());
    }
    if (issue.milestoneTitle() != null) {
      seed.milestone(issue.milestoneTitle());
    }
    return seed.create();
  }

  @Override
  public void milestone(String title) {
    if (stub.milestoneNamed(title).isEmpty()) {
      stub.milestone(title);
    }
  }

  @Override
  public void labels(String... names) {
    stub.label(names);
  }

  @Override
  public void moveTo(int number, String title) {
    stub.setMilestone(number, title);
  }

  @Override
  public void merge(int number, Instant when) {
    stub.mergeAt(number, when);
  }
}
