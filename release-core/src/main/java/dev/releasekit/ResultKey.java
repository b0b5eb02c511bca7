package dev.releasekit;

import dev.releasekit.notes.CommitLog;
import dev.releasekit.notes.ReleaseNotes;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.ImageDigest;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Tag;
import java.util.Objects;

/**
 * The name and type of a value a step produces for later steps and for the caller: the release pull request, the
 * tag, the published release, the notes, an image digest, the commit log. A step attaches it to its result with
 * {@link StepResult#with(ResultKey, Object)}; later steps read it with
 * {@link dev.releasekit.spi.StepContext#result(ResultKey)}, also from another repository of the release; and
 * {@link Report#result(ResultKey)} and {@link Plan#result(ResultKey)} hand it to the caller typed, so nobody parses
 * a detail string.
 *
 * <pre>{@code
 * Report report = release.run();
 * int number = report.result(ResultKey.RELEASE_PR).orElseThrow().number();
 * String url = report.result(ResultKey.PUBLISHED_RELEASE).orElseThrow().url();
 * }</pre>
 *
 * <p>Steps set these values whether they wrote or found the state already there, so a re-run produces the same
 * results as the run that did the work. Keys are compared by name; two keys with one name must have one type.
 *
 * @param <T> the type of the value
 */
public final class ResultKey<T> {
  /** The release pull request, as opened or found (number, URL, body). */
  public static final ResultKey<PullRequest> RELEASE_PR = of("release-pr", PullRequest.class);
  /** PostHog's sync pull request, which brings the changelog and version back to main. */
  public static final ResultKey<PullRequest> SYNC_PR = of("sync-pr", PullRequest.class);
  /** The release's tag and its commit. */
  public static final ResultKey<Tag> TAG = of("tag", Tag.class);
  /** The hosting's published release (its URL is the release's page). */
  public static final ResultKey<HostedRelease> PUBLISHED_RELEASE = of("published-release", HostedRelease.class);
  /** The release notes; render either variant with {@link ReleaseNotes#render}. */
  public static final ResultKey<ReleaseNotes> NOTES = of("notes", ReleaseNotes.class);
  /** The digest of the image a gate waited for or a retag tagged. */
  public static final ResultKey<ImageDigest> IMAGE = of("image", ImageDigest.class);
  /** The commit log of the release range. */
  public static final ResultKey<CommitLog> COMMIT_LOG = of("commit-log", CommitLog.class);

  private final String name;
  private final Class<T> type;

  private ResultKey(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  /** A key of your own, for results of your own steps: {@code ResultKey.of("deploy-url", String.class)}. */
  public static <T> ResultKey<T> of(String name, Class<T> type) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a result key needs a name");
    }
    return new ResultKey<>(name, Objects.requireNonNull(type, "type"));
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** {@code value} as this key's type; a value of another type is a bug in the step that set it. */
  public T cast(Object value) {
    return type.cast(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResultKey<?> key && key.name.equals(name) && key.type.equals(type);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
