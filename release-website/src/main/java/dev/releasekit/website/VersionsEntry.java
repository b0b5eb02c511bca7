package dev.releasekit.website;

import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.StepResult;
import dev.releasekit.files.JsonArrayHead;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PostHog's update feed: the release's entry at the head of the root {@code versions.json}, on the sync branch, so
 * that it reaches {@code master} with the sync pull request. The app tells users an update is available from the
 * first entry whose {@code release_date} is not in the future, so the entry goes in only once the release's images
 * exist: put it before the registry gate and merge the sync pull request after it.
 *
 * <pre>{@code
 * Registry hub = Registry.create();
 * Release.of("1.31.0").conventions(Conventions.postHog())
 *     .onReleaseBranch().tag().syncBranch()                       // sync-1.31.0 and its pull request
 *     .then(Website.versionsEntry())                              // {"version": "1.31.0", "release_date": ...}
 *     .then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)))
 *     .then(hub.awaitTag("posthog/posthog:latest-release", Duration.ofHours(2)))
 *     .mergeSyncPr();                                             // this is what tells users
 * }</pre>
 *
 * <p>The new element copies the layout of the first one, as the file has had both: one object per line
 * ({@code { "version": "1.30.0", "release_date": "2021-11-17" },}) and fully expanded, each with a 4-space indent;
 * nothing else in the file changes, its final newline included. The date is the release's date
 * ({@code Release.date(...)}, today by default), the day the entry is merged.
 *
 * <p>The step is ALREADY_DONE when the file lists the version with that date. It is BLOCKED, with nothing written,
 * when it lists the version with another date (a re-run on another day: pass the first run's date), or when its
 * newest entry is a later release, which this entry would push down. A file that is not a JSON array of objects is
 * an error.
 */
public final class VersionsEntry implements Step {
  private static final String VERSION = "version";
  private static final String DATE = "release_date";

  private final String path;
  private final Optional<String> branch;

  private VersionsEntry(Builder b) {
    this.path = b.path;
    this.branch = Optional.ofNullable(b.branch);
  }

  /** PostHog's: {@code versions.json} at the root, on the conventions' sync branch. */
  public static VersionsEntry postHog() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.branch = branch.orElse(null);
    return b;
  }

  public String path() {
    return path;
  }

  @Override
  public String description() {
    return "add the release to " + path + branch.map(b -> " on " + b).orElse(" on the sync branch");
  }

  @Override
  public StepResult apply(StepContext context) {
    Version version = context.version();
    String onto = branch.orElseGet(() -> context.conventions().syncBranch(version));
    String tip = context.workspace().remoteBranch(onto).orElseThrow(() -> new PreconditionException("Origin has no"
        + " branch '" + onto + "' to add " + version + " to " + path + " on. Create it with syncBranch() before this"
        + " step, or pass the branch to write on. Nothing was written."));
    byte[] before = context.workspace().readFile(tip, path).orElseThrow(() -> new PreconditionException(path
        + " is not on " + onto + ". Is the path right (PostHog keeps it at the repository root)? Nothing was"
        + " written."));
    JsonArrayHead file = JsonArrayHead.at(path);
    List<Map<String, String>> entries;
    try {
      entries = file.entries(before);
    } catch (PreconditionException e) {
      throw new PreconditionException(e.getMessage() + " (on " + onto + "; nothing was written)", e);
    }
    String date = context.date().toString();
    String name = version.toString();
    for (Map<String, String> entry : entries) {
      if (name.equals(entry.get(VERSION))) {
        String listed = entry.getOrDefault(DATE, "");
        if (listed.equals(date)) {
          return StepResult.alreadyDone(path + " on " + onto + " lists " + name + " of " + date);
        }
        throw new ConflictException(path + " on " + onto + " already lists " + name + (listed.isEmpty()
            ? " without a release date" : " released on " + listed) + ", not " + date + ". Nothing was written."
            + " A re-run on another day keeps the first run's date when given Release.date(LocalDate.parse(\""
            + (listed.isEmpty() ? date : listed) + "\")); if " + date + " is right, correct the entry by hand.");
      }
    }
    requireNewest(version, entries, onto);
    LinkedHashMap<String, String> entry = new LinkedHashMap<>();
    entry.put(VERSION, name);
    entry.put(DATE, date);
    byte[] after = file.insert(before, entry, VERSION);
    context.workspace().commit(onto, tip, "Add " + name + " to " + path, Map.of(path, after));
    return StepResult.done(path + " on " + onto + " lists " + name + " of " + date)
        .withOutput(firstElement(after));
  }

  /** An entry put above a later release would offer users of that release an older one as an update. */
  private void requireNewest(Version version, List<Map<String, String>> entries, String onto) {
    if (entries.isEmpty()) {
      return;
    }
    String head = entries.get(0).getOrDefault(VERSION, "");
    Version newest;
    try {
      newest = Version.parse(head, version.scheme());
    } catch (RuntimeException e) {
      return;   // odd historic versions such as 1.1.0.1 never head the file; nothing to compare
    }
    if (newest.isAfter(version)) {
      throw new ConflictException(path + " on " + onto + " starts with " + head + ", a later release than "
          + version + "; putting " + version + " above it would offer " + head + "'s users an older version."
          + " Nothing was written. Check the version, or edit " + path + " by hand.");
    }
  }

  /** The new first element as written, for the report. */
  private static String firstElement(byte[] after) {
    String text = new String(after, java.nio.charset.StandardCharsets.UTF_8);
    int open = text.indexOf('{');
    return text.substring(open, text.indexOf('}', open) + 1);
  }

  /** Builds {@link VersionsEntry}; every setting has PostHog's default. */
  public static final class Builder {
    private String path = "versions.json";
    private String branch;

    private Builder() {
    }

    /** The feed's path in the repository, {@code versions.json} by default. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** The branch to write on instead of the conventions' sync branch ({@code sync-1.31.0}). */
    public Builder branch(String branch) {
      this.branch = Objects.requireNonNull(branch, "branch");
      return this;
    }

    public VersionsEntry build() {
      return new VersionsEntry(this);
    }
  }
}
