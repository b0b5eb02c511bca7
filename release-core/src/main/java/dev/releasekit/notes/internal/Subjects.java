package dev.releasekit.notes.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a commit subject says about its pull request and its conventional-commit type. Not API: the
 * public view is {@link dev.releasekit.notes.NoteEntry}.
 */
public final class Subjects {
  // Nine digits at most: a longer run is not a pull request number and would overflow an int.
  private static final Pattern PULL_REQUEST = Pattern.compile("\\(#(\\d{1,9})\\)");
  // Lower-case types only, so a Home Assistant style "Tibber: fix login" is not mistaken for a type.
  private static final Pattern CONVENTIONAL =
      Pattern.compile("^([a-z][a-z0-9-]*)(?:\\(([^()]*)\\))?(!)?: +(\\S.*)$");

  // GitHub's merge-commit subject: the pull request's title is in the body, not here.
  private static final Pattern MERGE = Pattern.compile("^Merge pull request #(\\d{1,9}) from \\S");
  private static final Pattern BREAKING_FOOTER = Pattern.compile("(?m)^BREAKING[ -]CHANGE(?::| #)");

  private Subjects() {
  }

  /**
   * A subject split into its pull request number and the rest.
   *
   * @param merge whether the subject is GitHub's merge-commit subject ({@code Merge pull request #N from
   *     owner/branch}), which carries no title: the pull request's own title stands for it
   */
  public record Numbered(int number, String title, boolean merge) {
  }

  /** A conventional-commit subject: {@code type(scope)!: description}. */
  public record Conventional(String type, Optional<String> scope, String description, Marker marker) {
  }

  /** Whether the subject carries the {@code !} breaking marker. */
  public enum Marker { NONE, BREAKING }

  /**
   * The pull request a subject names: the last {@code (#N)} of a squash or rebase merge's subject, or N of a merge
   * commit's {@code Merge pull request #N from owner/branch}.
   */
  public static Optional<Numbered> numbered(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher merge = MERGE.matcher(subject);
    if (merge.find()) {
      return Optional.of(new Numbered(Integer.parseInt(merge.group(1)), "", true));
    }
    Matcher matcher = PULL_REQUEST.matcher(subject);
    int start = -1;
    int end = -1;
    String digits = null;
    while (matcher.find()) {
      start = matcher.start();
      end = matcher.end();
      digits = matcher.group(1);
    }
    if (digits == null) {
      return Optional.empty();
    }
    String before = subject.substring(0, start).strip();
    String after = subject.substring(end).strip();
    String title = after.isEmpty() ? before : before.isEmpty() ? after : before + " " + after;
    return Optional.of(new Numbered(Integer.parseInt(digits), title, false));
  }

  public static Optional<Conventional> conventional(String title) {
    Matcher matcher = CONVENTIONAL.matcher(title == null ? "" : title);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Optional<String> scope = Optional.ofNullable(matcher.group(2)).map(String::strip).filter(s -> !s.isEmpty());
    return Optional.of(new Conventional(matcher.group(1), scope, matcher.group(4).strip(),
        matcher.group(3) == null ? Marker.NONE : Marker.BREAKING));
  }

  /**
   * Whether the message has a conventional-commit breaking-change footer: a line starting {@code BREAKING CHANGE:}
   * or {@code BREAKING-CHANGE:} (or the {@code " #"} separator form). The words elsewhere in a line do not count.
   */
  public static boolean mentionsBreakingChange(String message) {
    return message != null && BREAKING_FOOTER.matcher(message).find();
  }
}
