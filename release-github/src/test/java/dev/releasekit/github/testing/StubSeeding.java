package dev.releasekit.github.testing;

import dev.releasekit.testing.Seeding;
import java.time.Instant;

/** {@link GitHubStub}'s seeding behind core's {@link Seeding}: what the scenarios in core's test-jar seed with. */
final class StubSeeding implements Seeding {
  private final GitHubStub stub;

  StubSeeding(GitHubStub stub) {
    this.stub = stub;
  }

  @Override
  public Pull pull(String title) {
    return new Pull() {
      private GitHubStub.ItemSeed seed = stub.pull(title);

      @Override
      public Pull number(int number) {
        seed = seed.number(number);
        return this;
      }

      @Override
      public Pull by(String login) {
        seed.author(login);
        return this;
      }

      @Override
      public Pull from(String head) {
        seed.head(head);
        return this;
      }

      @Override
      public Pull into(String base) {
        seed.base(base);
        return this;
      }

      @Override
      public Pull labels(String... names) {
        seed.labels(names);
        return this;
      }

      @Override
      public Pull milestone(String title) {
        seed.milestone(title);
        return this;
      }

      @Override
      public int mergedAs(String sha, Instant when) {
        return seed.mergedAs(sha, when).create();
      }

      @Override
      public int open() {
        return seed.create();
      }
    };
  }

  @Override
  public Issue issue(String title) {
    return new Issue() {
      private final GitHubStub.ItemSeed seed = stub.issue(title);

      @Override
      public Issue by(String login) {
        seed.author(login);
        return this;
      }

      @Override
      public Issue milestone(String title) {
        seed.milestone(title);
        return this;
      }

      @Override
      public int create() {
        return seed.create();
      }
    };
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
