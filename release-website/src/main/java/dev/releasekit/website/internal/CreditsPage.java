package dev.releasekit.website.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.spi.Contribution;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.User;
import dev.releasekit.version.Version;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The credits page's data, read from a hosting with as few reads as it allows, and its bytes; see {@code Credits}. */
public final class CreditsPage {
  private static final String MARKDOWN_ESCAPED = "\\`*_{}[]()#+-.!|";
  private static final DateTimeFormatter FOOTER = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
  private static final Pattern MARKER = Pattern.compile("(?m)^<!-- releasekit:credits (\\S+) sha256:([0-9a-f]{12})"
      + " [^\\n]*-->\\n");
  private static final Pattern LOGIN = Pattern.compile("\\(@([^()\\s]+)\\)\\]\\(");

  private CreditsPage() {
  }

  /**
   * What the page lists.
   *
   * @param commits by login, then by repository name
   * @param names the display name of each login, unescaped
   */
  public record Data(String author, Map<String, Map<String, Integer>> commits, Map<String, String> names,
      int repositories, int unmappedEmails) {

    public int people() {
      return commits.size();
    }
  }

  /** The first line of a generated page: the release it was generated for, and whether the rest is as generated. */
  public record Marker(String release, boolean untouched) {

    /** The release, read in {@code like}'s scheme; empty when it is not a version. */
    public Optional<Version> version(Version like) {
      try {
        return Optional.of(Version.parse(release, like.scheme()));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Reads the organisation's public repositories, each one's contributors, the account of each distinct anonymous
   * email (once, in the first repository that lists it) and the name of each distinct login (once).
   */
  public static Data read(Hosting hosting, String organisation, String author, Consumer<String> progress) {
    List<String> repositories = new ArrayList<>(hosting.publicRepositories(organisation));
    repositories.sort(Comparator.naturalOrder());
    Map<String, Map<String, Integer>> commits = new TreeMap<>();
    Map<String, String> emails = new TreeMap<>();
    Map<String, String> firstRepository = new TreeMap<>();
    Map<String, Map<String, Integer>> anonymous = new TreeMap<>();
    for (String repository : repositories) {
      String name = repository.substring(repository.lastIndexOf('/') + 1);
      for (Contribution c : hosting.contributors(repository)) {
        if (c.login().isPresent()) {
          add(commits, c.login().get(), name, c.commits());
        } else if (c.email().filter(e -> !e.isBlank()).isPresent()) {
          String key = c.email().get().toLowerCase(Locale.ROOT);
          emails.putIfAbsent(key, c.email().get());
          firstRepository.putIfAbsent(key, repository);
          add(anonymous, key, name, c.commits());
        }
      }
    }
    progress.accept("read the contributors of " + repositories.size() + " repositories of " + organisation
        + "; mapping " + anonymous.size() + " anonymous commit emails");
    int unmapped = 0;
    for (Map.Entry<String, Map<String, Integer>> e : anonymous.entrySet()) {
      Optional<String> login = hosting.loginOfEmail(firstRepository.get(e.getKey()), emails.get(e.getKey()));
      if (login.isEmpty()) {
        unmapped++;
        continue;
      }
      e.getValue().forEach((repository, count) -> add(commits, login.get(), repository, count));
    }
    commits.keySet().removeIf(login -> login.endsWith("[bot]"));
    if (!commits.containsKey(author)) {
      throw new PreconditionException("The credits page's author " + author + " has no commits in any public"
          + " repository of " + organisation + " (" + repositories.size() + " read). Check the author's login"
          + " (Credits.builder().author(...)) and the organisation (organisation(...)). Nothing was written.");
    }
    Map<String, String> names = new TreeMap<>();
    for (String login : commits.keySet()) {
      names.put(login, hosting.user(login).flatMap(User::name).filter(n -> !n.isBlank()).orElse(login));
    }
    return new Data(author, commits, names, repositories.size(), unmapped);
  }

  private static void add(Map<String, Map<String, Integer>> commits, String who, String repository, int count) {
    commits.computeIfAbsent(who, w -> new TreeMap<>()).merge(repository, count, Integer::sum);
  }

  /** The page's bytes, as text: the same data, release and date give the same text. */
  public static String render(Data data, Version version, LocalDate date, String organisationName,
      UnaryOperator<String> userUrl) {
    StringBuilder body = new StringBuilder();
    body.append("\nThis page contains a list of people who have contributed in one way or another to ")
        .append(organisationName).append(". Hover over a username to see their contributions.\n\n");
    body.append("### Author\n\n");
    body.append(line(data, data.author(), organisationName, userUrl)).append("\n\n");
    body.append("### Contributors\n\n(in alphabetical order)\n\n");
    List<String> people = new ArrayList<>(data.commits().keySet());
    people.remove(data.author());
    people.sort(Comparator.comparing((String login) -> caseFolded(displayName(data, login)), CreditsPage::byCodePoint)
        .thenComparing(login -> displayName(data, login), CreditsPage::byCodePoint)
        .thenComparing(Comparator.naturalOrder()));
    for (String login : people) {
      body.append(line(data, login, organisationName, userUrl)).append('\n');
    }
    body.append("\nThis page is updated on every release from the public repositories of ").append(organisationName)
        .append(". If you think that you are missing, please let us know.\n\n");
    body.append("<i>This page was last updated ").append(FOOTER.format(date)).append(".</i>\n");
    String frontMatter = "---\ntitle: \"Credits\"\ndescription: \"Credits for the developers who contributed to "
        + organisationName.replace("\\", "\\\\").replace("\"", "\\\"") + ".\"\ndate: " + date + " 00:00:00 +0000\n"
        + "---\n";
    String unmarked = frontMatter + body;
    return frontMatter + "<!-- releasekit:credits " + version + " sha256:" + GeneratedBlock.hash(unmarked)
        + " generated by releasekit from the hosting on every release: change names and emails there, not here"
        + " -->\n" + body;
  }

  /** The marker of a page releasekit generated; empty for any other page. */
  public static Optional<Marker> marker(String page) {
    Matcher m = MARKER.matcher(page);
    if (!m.find()) {
      return Optional.empty();
    }
    String unmarked = page.substring(0, m.start()) + page.substring(m.end());
    return Optional.of(new Marker(m.group(1), GeneratedBlock.hash(unmarked).equals(m.group(2))));
  }

  /** Who a regenerated page adds and drops, for the report. */
  public static String changes(String before, String after) {
    Set<String> old = logins(before);
    Set<String> now = logins(after);
    Set<String> added = new TreeSet<>(now);
    added.removeAll(old);
    Set<String> dropped = new TreeSet<>(old);
    dropped.removeAll(now);
    if (added.isEmpty() && dropped.isEmpty()) {
      return "the same people; commit counts or names changed";
    }
    return (added.isEmpty() ? "" : "added: " + String.join(", ", added))
        + (added.isEmpty() || dropped.isEmpty() ? "" : "\n")
        + (dropped.isEmpty() ? "" : "no longer listed: " + String.join(", ", dropped));
  }

  private static Set<String> logins(String page) {
    Set<String> logins = new TreeSet<>();
    Matcher m = LOGIN.matcher(page);
    while (m.find()) {
      logins.add(m.group(1));
    }
    return logins;
  }

  private static String line(Data data, String login, String organisationName, UnaryOperator<String> userUrl) {
    Map<String, Integer> perRepository = data.commits().get(login);
    int total = perRepository.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder title = new StringBuilder().append(commits(total, "total commit")).append(" to the ")
        .append(html(organisationName)).append(" org:\n");
    perRepository.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> title.append(commits(e.getValue(), "commit")).append(" to ").append(e.getKey()).append('\n'));
    return "- [" + escapeName(displayName(data, login)) + " (@" + login + ")](" + userUrl.apply(login) + " \""
        + title + "\")";
  }

  private static String commits(int count, String word) {
    return count + " " + word + (count == 1 ? "" : "s");
  }

  private static String displayName(Data data, String login) {
    String name = data.names().getOrDefault(login, login).strip().replaceAll("\\s+", " ");
    name = name.startsWith("@") ? name.substring(1) : name;
    return name.isBlank() ? login : name;
  }

  /** Markdown first, then HTML, as the class documentation of {@code Credits} says and why. */
  static String escapeName(String name) {
    StringBuilder markdown = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (MARKDOWN_ESCAPED.indexOf(c) >= 0) {
        markdown.append('\\');
      }
      markdown.append(c);
    }
    return html(markdown.toString());
  }

  private static String html(String text) {
    Map<Character, String> entities = new LinkedHashMap<>();
    entities.put('&', "&amp;");
    entities.put('<', "&lt;");
    entities.put('>', "&gt;");
    entities.put('"', "&quot;");
    entities.put('\'', "&#x27;");
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(entities.getOrDefault(c, String.valueOf(c)));
    }
    return out.toString();
  }

  /** Python's {@code str.casefold()} for the names a page holds: {@code ß} folds to {@code ss}, as upper-casing does. */
  static String caseFolded(String name) {
    return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /** Orders by code point, as Python compares strings, not by UTF-16 unit. */
  private static int byCodePoint(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
