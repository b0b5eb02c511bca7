package dev.releasekit.testing;

import dev.releasekit.local.LocalHosting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Other people's work on a hosting, for scenarios that run on any of them: {@link #of(LocalHosting)} adapts
 * {@code LocalHosting}'s seeding builder, and release-github's test-jar adapts its GitHub stub
 * ({@code GitHubStub.seeding()}). {@link ReleaseDayScenario} is written once against this.
 *
 * <pre>{@code
 * seeding.pull("Fix sensor rounding").number(104).by("sensordev").from("fix-sensor").into("dev")
 *     .milestone("0.57").mergedAs(sha, T0);
 * int open = seeding.pull("Fan speeds").by("fandev").from("wip-fan").into("dev").milestone("0.57").open();
 * seeding.merge(open, T0.plusSeconds(60));                 // a real merge commit, as the button makes it
 * }</pre>
 */
public interface Seeding {

  /** A pull request to record. */
  Pull pull(String title);

  /** A plain issue to file. */
  Issue issue(String title);

  /** Creates an open milestone unless one has this title. */
  void milestone(String title);

  /** Creates labels that do not exist yet. */
  void labels(String... names);

  /** Puts an issue or pull request in the milestone {@code title}. */
  void moveTo(int number, String title);

  /** Merges an open pull request as the hosting's merge button does (a merge commit on its base) at {@code when}. */
  void merge(int number, Instant when);

  /** A pull request being seeded. */
  interface Pull {
    Pull number(int number);

    Pull by(String login);

    Pull from(String head);

    Pull into(String base);

    Pull labels(String... names);

    Pull milestone(String title);

    /** Records it as merged as {@code sha} (already on origin) at {@code when}; returns its number. */
    int mergedAs(String sha, Instant when);

    /** Opens it (its branches exist on origin); returns its number. */
    int open();
  }

  /** An issue being seeded. */
  interface Issue {
    Issue by(String login);

    Issue milestone(String title);

    /** Files it, open; returns its number. */
    int create();
  }

  /** {@code LocalHosting}'s seeding builder behind this interface. */
  static Seeding of(LocalHosting hosting) {
    return new Seeding() {
      @Override
      public Pull pull(String title) {
        LocalHosting.PullSeed seed = hosting.seed().pull(title);
        return new Pull() {
          @Override
          public Pull number(int number) {
            seed.number(number);
            return this;
          }

          @Override
          public Pull by(String login) {
            seed.by(login);
            return this;
          }

          @Override
          public Pull from(String head) {
            seed.from(head);
            return this;
          }

          @Override
          public Pull into(String base) {
            seed.into(base);
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
            return seed.mergedAs(sha, when).number();
          }

          @Override
          public int open() {
            return seed.open().number();
          }
        };
      }

      @Override
      public Issue issue(String title) {
        LocalHosting.IssueSeed seed = hosting.seed().issue(title);
        return new Issue() {
          @Override
          public Issue by(String login) {
            seed.by(login);
            return this;
          }

          @Override
          public Issue milestone(String title) {
            seed.milestone(title);
            return this;
          }

          @Override
          public int create() {
            return seed.create().number();
          }
        };
      }

      @Override
      public void milestone(String title) {
        hosting.seed().milestone(title);
      }

      @Override
      public void labels(String... names) {
        for (String name : names) {
          hosting.createLabel(name);
        }
      }

      @Override
      public void moveTo(int number, String title) {
        hosting.seed().moveTo(number, title);
      }

      @Override
      public void merge(int number, Instant when) {
        hosting.withClock(Clock.fixed(when, ZoneOffset.UTC)).mergePullRequest(number);
      }
    };
  }
}
