package dev.releasekit.notes.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The login hidden in a GitHub noreply address. Not API. */
public final class GitHubEmails {
  // ID+login@users.noreply.github.com (since 2017) or login@users.noreply.github.com (older accounts);
  // GitHub Enterprise uses users.noreply.<its host>. Bots are login[bot].
  private static final Pattern NOREPLY = Pattern.compile(
      "^(?:\\d+\\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\[bot\\])?)@users\\.noreply\\.[^@\\s]+$",
      Pattern.CASE_INSENSITIVE);

  private GitHubEmails() {
  }

  public static Optional<String> login(String email) {
    if (email == null) {
      return Optional.empty();
    }
    Matcher matcher = NOREPLY.matcher(email.strip());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  public static boolean isBot(String loginOrName) {
    return loginOrName != null && loginOrName.toLowerCase(Locale.ROOT).endsWith("[bot]");
  }
}
