package dev.releasekit.website.testing;

import dev.releasekit.github.testing.GitHubStub;
import dev.releasekit.local.LocalHosting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An organisation's public repositories and their contributors, described once and seeded into either hosting:
 * {@code LocalHosting} or the GitHub stub. Contributors are listed as a repository's contributors page lists them;
 * anonymous ones are commit emails, which map to an account when one has claimed them.
 *
 * <pre>{@code
 * Organisation org = Organisation.named("home-assistant")
 *     .user("balloob", "Paulus Schoutsen").repository("core").by("balloob", 500).anonymous("Jane", "jane@x.org", 3);
 * org.seed(site.hosting());
 * org.seed(stub);
 * }</pre>
 */
public final class Organisation {
  private record Entry(String login, String name, String email, int commits) {
    void into(BiConsumer<String, Integer> byLogin, Anonymous anonymous) {
      if (login != null) {
        byLogin.accept(login, commits);
      } else {
        anonymous.add(name, email, commits);
      }
    }
  }

  /** A seeding builder's {@code anonymous(name, email, commits)}. */
  @FunctionalInterface
  private interface Anonymous {
    void add(String name, String email, int commits);
  }

  private final String login;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, List<String>> emails = new LinkedHashMap<>();
  private final Map<String, List<Entry>> repositories = new LinkedHashMap<>();
  private final List<String> privateOnes = new ArrayList<>();
  private String current;

  private Organisation(String login) {
    this.login = login;
  }

  public static Organisation named(String login) {
    return new Organisation(login);
  }

  /**
   * Home Assistant in small: three public repositories and a private one, people in several of them, a bot, names
   * that need escapes (a comma, Markdown, HTML, a leading {@code @}) and non-ASCII ones, a commit email that maps
   * to an account and one that maps to none, and someone without a display name.
   */
  public static Organisation homeAssistant() {
    return named("home-assistant")
        .user("balloob", "Paulus Schoutsen").user("fabaff", "Fabian Affolter").user("joeg", "Joe Garcia, CISSP")
        .user("janedoe", "Jane Doe").email("janedoe", "jane@example.org").user("ezola", "Émile Zola")
        .user("underdev", "*_under_* [x]").user("atuser", "@at user").user("obrien", "O'Brien \"Bob\" <b>")
        .user("strauss", "Strauß").user("nameless", null).user("tilde", "~tilde~ {{ site.title }}")
        .repository("core").by("balloob", 500).by("fabaff", 300).by("dependabot[bot]", 40).by("joeg", 12)
            .anonymous("Jane Doe", "jane@example.org", 3).anonymous("Old Laptop", "root@localhost", 2)
            .by("strauss", 1)
        .repository("frontend").by("balloob", 200).by("underdev", 7).by("janedoe", 5).by("obrien", 4)
            .by("ezola", 1).by("nameless", 1).by("tilde", 1)
        .repository("home-assistant.io").by("fabaff", 900).by("atuser", 2).anonymous("Jane D.", "JANE@example.org", 1)
            .by("balloob", 1)
        .privateRepository("secret").by("secretdev", 10);
  }

  /** A user and their display name (null for none). */
  public Organisation user(String login, String name) {
    names.put(login, name);
    return this;
  }

  /** Commits by {@code email} map to the account {@code login}. */
  public Organisation email(String login, String email) {
    emails.computeIfAbsent(login, l -> new ArrayList<>()).add(email);
    return this;
  }

  /** A public repository; the contributors that follow are its. */
  public Organisation repository(String name) {
    current = login + "/" + name;
    repositories.put(current, new ArrayList<>());
    return this;
  }

  public Organisation privateRepository(String name) {
    repository(name);
    privateOnes.add(current);
    return this;
  }

  public Organisation by(String contributor, int commits) {
    repositories.get(current).add(new Entry(contributor, null, null, commits));
    return this;
  }

  public Organisation anonymous(String name, String email, int commits) {
    repositories.get(current).add(new Entry(null, name, email, commits));
    return this;
  }

  public String login() {
    return login;
  }

  public Organisation seed(LocalHosting hosting) {
    names.forEach((user, name) -> hosting.seed().user(user, name));
    emails.forEach((user, list) -> list.forEach(email -> hosting.seed().email(user, email)));
    repositories.forEach((repository, entries) -> {
      LocalHosting.RepositorySeed seed = hosting.seed().repository(repository);
      if (privateOnes.contains(repository)) {
        seed.privately();
      }
      entries.forEach(e -> e.into(seed::contributor, seed::anonymous));
      seed.create();
    });
    return this;
  }

  public Organisation seed(GitHubStub stub) {
    names.forEach((user, name) -> stub.user(user, name, user + "@users.example"));
    emails.forEach((user, list) -> list.forEach(email -> stub.email(user, email)));
    repositories.forEach((repository, entries) -> {
      GitHubStub.RepositorySeed seed = stub.organisationRepository(repository);
      if (privateOnes.contains(repository)) {
        seed.privately();
      }
      entries.forEach(e -> e.into(seed::contributor, seed::anonymous));
      seed.create();
    });
    return this;
  }
}
