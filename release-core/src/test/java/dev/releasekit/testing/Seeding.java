package dev.releasekit.testing;

import dev.releasekit.local.LocalHosting;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Other people's work on a hosting, for scenarios that run on any of them: {@link #of(LocalHosting)} adapts
 * {@code LocalHosting}'s seeding builder, and release-github's test-jar adapts its GitHub stub
 * ({@code GitHubStub.seeding()}). {@link ReleaseDayScenario} is written once against this. A hosting implements the
 * terminal verbs; the builders are this interface's own.
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
  default Pull pull(String title) {
    return new Pull(this, title);
  }

  /** A plain issue to file. */
  default Issue issue(String title) {
    return new Issue(this, title);
  }

  /** Records {@code pull} as merged as {@code sha} (already on origin) at {@code when}; returns its number. */
  int recordMerged(Pull pull, String sha, Instant when);

  /** Opens {@code pull} (its branches exist on origin); returns its number. */
  int open(Pull pull);

  /** Files {@code issue}, open; returns its number. */
  int file(Issue issue);

  /** Creates an open milestone unless one has this title. */
  void milestone(String title);

  /** Creates labels that do not exist yet. */
  void labels(String... names);

  /** Puts an issue or pull request in the milestone {@code title}. */
  void moveTo(int number, String title);

  /** Merges an open pull request as the hosting's merge button does (a merge commit on its base) at {@code when}. */
  void merge(int number, Instant when);

  /** A pull request being seeded; unset fields are the hosting's defaults (the next number, its own login). */
  final class Pull {
    private final Seeding seeding;
    private final String title;
    private int number;
    private String author;
    private String head;
    private String base;
    private List<String> labels = List.of();
    private String milestone;

    private Pull(Seeding seeding, String title) {
      this.seeding = seeding;
      this.title = Objects.requireNonNull(title, "title");
    }

    public Pull number(int number) {
      this.number = number;
      return this;
    }

    public Pull by(String login) {
      this.author = login;
      return this;
    }

    public Pull from(String head) {
      this.head = head;
      return this;
    }

    public Pull into(String base) {
      this.base = base;
      return this;
    }

    public Pull labels(String... names) {
      this.labels = List.of(names);
      return this;
    }

    public Pull milestone(String title) {
      this.milestone = title;
      return this;
    }

    /** Records it as merged as {@code sha} (already on origin) at {@code when}; returns its number. */
    public int mergedAs(String sha, Instant when) {
      return seeding.recordMerged(this, sha, when);
    }

    /** Opens it; returns its number. */
    public int open() {
      return seeding.open(this);
    }

    public String title() {
      return title;
    }

    /** 0 for the next free number. */
    public int number() {
      return number;
    }

    /** Null for the hosting's own login. */
    public String author() {
      return author;
    }

    public String head() {
      return head;
    }

    public String base() {
      return base;
    }

    public List<String> labels() {
      return labels;
    }

    /** Null for none. */
    public String milestoneTitle() {
      return milestone;
    }
  }

  /** An issue being seeded. */
  final class Issue {
    private final Seeding seeding;
    private final String title;
    private String author;
    private String milestone;

    private Issue(Seeding seeding, String title) {
      this.seeding = seeding;
      this.title = Objects.requireNonNull(title, "title");
    }

    public Issue by(String login) {
      this.author = login;
      return this;
    }

    public Issue milestone(String title) {
      this.milestone = title;
      return this;
    }

    /** Files it, open; returns its number. */
    public int create() {
      return seeding.file(this);
    }

    public String title() {
      return title;
    }

    /** Null for the hosting's own login. */
    public String author() {
      return author;
    }

    /** Null for none. */
    public String milestoneTitle() {
      return milestone;
    }
  }

  /** {@code LocalHosting}'s seeding builder behind this interface. */
  static Seeding of(LocalHosting hosting) {
    return new Seeding() {
      private LocalHosting.PullSeed local(Pull pull) {
        LocalHosting.PullSeed seed = hosting.seed().pull(pull.title()).number(pull.number()).from(pull.head())
            .into(pull.base()).labels(pull.labels().toArray(String[]::new)).milestone(pull.milestoneTitle());
        return pull.author() == null ? seed : seed.by(pull.author());
      }

      @Override
      public int recordMerged(Pull pull, String sha, Instant when) {
        return local(pull).mergedAs(sha, when).number();
      }

      @Override
      public int open(Pull pull) {
        return local(pull).open().number();
      }

      @Override
      public int file(Issue issue) {
        LocalHosting.IssueSeed seed = hosting.seed().issue(issue.title()).milestone(issue.milestoneTitle());
        return (issue.author() == null ? seed : seed.by(issue.author())).create().number();
      }

      @Override
      public void milestone(String title) {
        hosting.seed().milestone(title);
      }

      @Override
      public void labels(String... names) {
        for (String name : names) {
          dev.releasekit.spi.Labels.create(hosting, name);
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
