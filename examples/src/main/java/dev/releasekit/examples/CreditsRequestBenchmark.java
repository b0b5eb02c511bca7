package dev.releasekit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.releasekit.Conventions;
import dev.releasekit.Release;
import dev.releasekit.Secret;
import dev.releasekit.github.GitHub;
import dev.releasekit.github.RequestCount;
import dev.releasekit.local.LocalProject;
import dev.releasekit.website.Website;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the GitHub requests of the website's credits page ({@code Website.credits()}) for an organisation shaped
 * like Home Assistant's, sent by releasekit's {@link GitHub} to an in-process server with canned answers on
 * 127.0.0.1, and prints them next to what hass-release's request pattern costs on the same data.
 *
 * <p>The organisation: 150 public repositories (two pages); core with 1,200 contributors, the site with 900 and the
 * frontend with 400, overlapping; 147 small repositories of 1 to 40 people each; anonymous entries in most
 * repositories, whose 120 distinct emails recur across repositories, half of them claimed by an account.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests install && mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.CreditsRequestBenchmark
 * }</pre>
 */
public final class CreditsRequestBenchmark {
  private static final String ORG = "home-assistant";
  private static final int REPOSITORIES = 150;
  private static final int EMAILS = 120;
  private static final Pattern CONTRIBUTORS = Pattern.compile("^/repos/" + ORG + "/([^/]+)/contributors$");
  private static final Pattern COMMITS = Pattern.compile("^/repos/" + ORG + "/([^/]+)/commits$");
  private static final Pattern USER = Pattern.compile("^/users/([^/]+)$");

  private CreditsRequestBenchmark() {}

  /** One entry of a repository's contributors list: a login, or an anonymous email. */
  private record Entry(String login, String email, int commits) {}

  public static void main(String[] args) throws IOException {
    Map<String, List<Entry>> organisation = organisation();
    Map<String, AtomicInteger> served = new LinkedHashMap<>();
    // Without TCP_NODELAY the JDK's server sends a response's headers and body as two small writes, and the body
    // waits for the client's delayed ACK: about 40 ms a request, minutes over this benchmark's thousands.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, organisation, served));
    server.start();
    Path temp = Files.createTempDirectory("credits-benchmark");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      LocalProject site = LocalProject.create(temp, "home-assistant.io", "current", Map.of("_config.yml",
          "title: Home Assistant\n"));
      site.branch("next", "current");
      site.fetchClone();
      Map<String, RequestCount> counts = new LinkedHashMap<>();
      GitHub planned = github(base);
      release(site, planned).plan();
      counts.put("plan (one pass over the data)", planned.requestCount());
      GitHub ran = github(base);
      release(site, ran).run();
      counts.put("run (its rehearsal, then the run)", ran.requestCount());
      print(organisation, counts, served);
    } finally {
      server.stop(0);
    }
  }

  private static GitHub github(String base) {
    return GitHub.builder().baseUrl(base).webUrl("https://github.com").token(Secret.of("benchmark-token"))
        .repository(ORG + "/home-assistant.io").build();
  }

  /** A patch release: the page goes on {@code current}, so no release branch is needed. */
  private static Release release(LocalProject site, GitHub github) {
    return Release.of("0.57.1").date(LocalDate.of(2017, 11, 6)).in(site.workTree()).hostedOn(github)
        .conventions(Conventions.homeAssistantWebsite()).then(Website.credits());
  }

  /** The repositories and their contributors lists, in GitHub's order (most commits first), made by arithmetic. */
  private static Map<String, List<Entry>> organisation() {
    Map<String, List<Entry>> repositories = new LinkedHashMap<>();
    repositories.put("core", people(1, 1200, 60, 0));
    repositories.put("home-assistant.io", people(500, 900, 45, 30));
    repositories.put("frontend", people(800, 400, 20, 70));
    for (int i = 1; i <= REPOSITORIES - 3; i++) {
      repositories.put(String.format("addon-%03d", i), people(1 + i * 13 % 1000, 1 + i * 7 % 40, i % 3, i * 11));
    }
    return repositories;
  }

  /** balloob, then {@code count} developers from {@code first}, then {@code anonymous} emails from the pool. */
  private static List<Entry> people(int first, int count, int anonymous, int firstEmail) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry("balloob", null, 5000));
    for (int i = 0; i < count; i++) {
      entries.add(new Entry(String.format("dev%04d", first + i), null, 1 + (count - i) % 50));
    }
    for (int i = 0; i < anonymous; i++) {
      entries.add(new Entry(null, "person" + (firstEmail + i) % EMAILS + "@example.org", 1));
    }
    return entries;
  }

  private static void print(Map<String, List<Entry>> organisation, Map<String, RequestCount> counts,
      Map<String, AtomicInteger> served) {
    long repositoryPages = pages(organisation.size());
    long contributorPages = organisation.values().stream().mapToLong(e -> pages(e.size())).sum();
    long userEntries = organisation.values().stream().flatMap(List::stream).filter(e -> e.login() != null).count();
    long anonymousEntries = organisation.values().stream().flatMap(List::stream).filter(e -> e.login() == null)
        .count();
    long logins = organisation.values().stream().flatMap(List::stream).map(Entry::login)
        .filter(l -> l != null).distinct().count();
    long emails = organisation.values().stream().flatMap(List::stream).map(Entry::email)
        .filter(e -> e != null).distinct().count();
    long people = java.util.stream.Stream.concat(
        organisation.values().stream().flatMap(List::stream).map(Entry::login).filter(l -> l != null),
        organisation.values().stream().flatMap(List::stream).map(Entry::email).filter(e -> e != null)
            .map(CreditsRequestBenchmark::accountOf).flatMap(java.util.Optional::stream)).distinct().count();
    // hass-release's credits: one request to test the API, the repository pages, each repository's contributor
    // pages (anon=true), /users/{login} per contributor entry, commits?author=EMAIL&per_page=1 per anonymous entry.
    long hass = 1 + repositoryPages + contributorPages + userEntries + anonymousEntries;
    long ours = counts.get("plan (one pass over the data)").total();

    System.out.println("GitHub requests of the credits page, organisation of " + organisation.size()
        + " public repositories");
    System.out.printf("  %d contributor entries (%d distinct logins), %d anonymous entries (%d distinct emails)%n",
        userEntries, logins, anonymousEntries, emails);
    System.out.println();
    System.out.println("releasekit (measured against 127.0.0.1):");
    counts.forEach((what, count) -> System.out.printf("  %-48s %s%n", what, count));
    System.out.printf("  %-48s %d%n", "requests the server saw", served.values().stream()
        .mapToInt(AtomicInteger::get).sum());
    System.out.println();
    System.out.println("hass-release's pattern (model, same data):");
    System.out.printf("  %-48s %d%n", "test the API", 1);
    System.out.printf("  %-48s %d%n", "repository pages of 100", repositoryPages);
    System.out.printf("  %-48s %d%n", "contributor pages of 100, per repository", contributorPages);
    System.out.printf("  %-48s %d%n", "/users/{login} per contributor entry", userEntries);
    System.out.printf("  %-48s %d%n", "commits?author=EMAIL per anonymous entry", anonymousEntries);
    System.out.printf("  %-48s %d%n", "total", hass);
    System.out.println();
    System.out.printf("releasekit, one pass: repository pages %d + contributor pages %d + one per distinct email %d"
        + " + one per person listed %d = %d%n", repositoryPages, contributorPages, emails, people,
        repositoryPages + contributorPages + emails + people);
    System.out.println("A run rehearses first, so it reads twice. The client's ETag cache would turn the second"
        + " pass into 304s,\nwhich the rate limit does not charge, but it keeps the last 1000 URLs: see the 'not"
        + " modified' count.");
    System.out.printf("hass-release / releasekit = %d / %d = %.2fx%n", hass, ours, (double) hass / ours);
  }

  /** Even-numbered emails of the pool belong to an account, odd ones to none. */
  private static java.util.Optional<String> accountOf(String email) {
    int number = Integer.parseInt(email.replaceAll("\\D", ""));
    return number % 2 == 0 ? java.util.Optional.of(String.format("dev%04d", 2000 + number))
        : java.util.Optional.empty();
  }

  private static long pages(int items) {
    return Math.max(1, (items + 99) / 100);
  }

  // ------------------------------------------------------------------ canned GitHub

  private static void answer(HttpExchange exchange, Map<String, List<Entry>> organisation,
      Map<String, AtomicInteger> served) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = GitHubRequestBenchmark.query(exchange.getRequestURI().getRawQuery());
    served.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
    int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    String base = "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
    int status = 200;
    String json;
    Matcher m;
    if (path.equals("/repos/" + ORG + "/home-assistant.io")) {
      // The token preflight's one read: the site's repository, with what the token's user may do there.
      json = "{\"id\":999,\"name\":\"home-assistant.io\",\"full_name\":\"" + ORG + "/home-assistant.io\","
          + "\"private\":false,\"default_branch\":\"current\",\"owner\":{\"login\":\"" + ORG + "\"},"
          + "\"permissions\":{\"admin\":false,\"maintain\":false,\"push\":true,\"triage\":true,\"pull\":true}}";
      exchange.getResponseHeaders().add("X-OAuth-Scopes", "repo, read:org");
    } else if (path.equals("/orgs/" + ORG + "/repos")) {
      List<String> items = new ArrayList<>();
      long id = 1000;
      for (String name : organisation.keySet()) {
        items.add("{\"id\":" + id++ + ",\"name\":\"" + name + "\",\"full_name\":\"" + ORG + "/" + name
            + "\",\"html_url\":\"https://github.com/" + ORG + "/" + name + "\",\"private\":false,\"owner\":"
            + "{\"login\":\"" + ORG + "\"}}");
      }
      json = page(exchange, base + path, query, items, perPage, page);
    } else if ((m = CONTRIBUTORS.matcher(path)).matches() && organisation.containsKey(m.group(1))) {
      List<String> items = new ArrayList<>();
      for (Entry e : organisation.get(m.group(1))) {
        items.add(e.login() != null
            ? "{\"login\":\"" + e.login() + "\",\"id\":1,\"type\":\"User\",\"contributions\":" + e.commits() + "}"
            : "{\"type\":\"Anonymous\",\"name\":\"Someone\",\"email\":\"" + e.email() + "\",\"contributions\":"
                + e.commits() + "}");
      }
      json = page(exchange, base + path, query, items, perPage, page);
    } else if ((m = COMMITS.matcher(path)).matches() && query.containsKey("author")) {
      String email = query.get("author");
      String account = accountOf(email).map(login -> "{\"login\":\"" + login + "\"}").orElse("null");
      json = "[{\"sha\":\"" + String.format("%040d", email.hashCode() & 0xffffff) + "\",\"commit\":{\"message\":\"Change\",\"author\":"
          + "{\"name\":\"Someone\",\"email\":\"" + email + "\"}},\"author\":" + account + "}]";
    } else if ((m = USER.matcher(path)).matches()) {
      json = "{\"login\":\"" + m.group(1) + "\",\"id\":1,\"type\":\"User\",\"html_url\":\"https://github.com/"
          + m.group(1) + "\",\"name\":\"Person " + m.group(1) + "\"}";
    } else {
      status = 404;
      json = "{\"message\":\"Not Found\"}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    if (status == 200) {
      // As GitHub does: an ETag on every read, and 304 with no body when the client already has it.
      String etag = "W/\"" + Integer.toHexString(json.hashCode()) + "\"";
      exchange.getResponseHeaders().add("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** One page of {@code items} as a JSON array, with a {@code Link} to the next page when there is one. */
  private static String page(HttpExchange exchange, String url, Map<String, String> query, List<String> items,
      int perPage, int page) {
    int from = Math.min(items.size(), (page - 1) * perPage);
    int to = Math.min(items.size(), from + perPage);
    if (to < items.size()) {
      Map<String, String> next = new LinkedHashMap<>(query);
      next.put("page", Integer.toString(page + 1));
      StringBuilder link = new StringBuilder(url).append('?');
      next.forEach((k, v) -> link.append(link.charAt(link.length() - 1) == '?' ? "" : "&").append(k).append('=')
          .append(v));
      exchange.getResponseHeaders().add("Link", "<" + link + ">; rel=\"next\"");
    }
    return "[" + String.join(",", items.subList(from, to)) + "]";
  }
}
