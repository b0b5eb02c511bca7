package dev.releasekit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.releasekit.Secret;
import dev.releasekit.github.GitHub;
import dev.releasekit.github.RequestCount;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counts the GitHub requests of a release day for a 60-pull-request milestone, sent by releasekit's
 * {@link GitHub} to an in-process server with canned answers on 127.0.0.1, and prints them next to two models:
 * hass-release's request pattern and the minimum the API allows.
 *
 * <p>The release day's hosting part: pick (find the milestone, list its items, read the pull requests' metadata),
 * notes (read the metadata again, in one batch), labels (label each picked pull request), close the milestone.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests install && mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.GitHubRequestBenchmark
 * }</pre>
 */
public final class GitHubRequestBenchmark {
  private static final int PULLS = 60;
  private static final int PAGE = 100;
  private static final String REPO = "/repos/home-assistant/core";
  private static final Pattern ALIAS = Pattern.compile("(\\w+)\\s*:\\s*pullRequest\\(\\s*number\\s*:\\s*(\\d+)\\s*\\)");

  private GitHubRequestBenchmark() {}

  public static void main(String[] args) throws IOException {
    Map<String, AtomicInteger> served = new LinkedHashMap<>();
    System.setProperty("sun.net.httpserver.nodelay", "true");   // as CreditsRequestBenchmark says why
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, served));
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      GitHub github = GitHub.builder().baseUrl(base).token(Secret.of("benchmark-token"))
          .repository("home-assistant/core").build();
      print(releaseDay(github), served);
    } finally {
      server.stop(0);
    }
  }

  /** Runs the release day's hosting part and returns the requests of each phase. */
  private static Map<String, RequestCount> releaseDay(GitHub github) {
    Map<String, RequestCount> phases = new LinkedHashMap<>();
    RequestCount start = github.requestCount();

    Milestone milestone = github.milestone("0.57").orElseThrow();
    List<Integer> numbers = github.milestoneItems(milestone).stream().filter(Issue::isPullRequest)
        .map(Issue::number).collect(Collectors.toList());
    Map<Integer, PullRequest> picked = github.pullRequests(numbers);
    RequestCount afterPick = github.requestCount();
    phases.put("pick (milestone, items, batch PR metadata)", afterPick.minus(start));

    Map<Integer, PullRequest> forNotes = github.pullRequests(numbers);
    long merged = forNotes.values().stream().filter(PullRequest::isMerged).count();
    RequestCount afterNotes = github.requestCount();
    phases.put("notes (batch PR metadata, " + merged + " merged)", afterNotes.minus(afterPick));

    for (PullRequest pull : picked.values()) {
      github.addLabels(pull.number(), List.of("cherry-picked"));
    }
    RequestCount afterLabels = github.requestCount();
    phases.put("labels (one add per PR)", afterLabels.minus(afterNotes));

    github.closeMilestone(milestone);
    phases.put("close milestone", github.requestCount().minus(afterLabels));
    phases.put("total", github.requestCount().minus(start));
    return phases;
  }

  private static void print(Map<String, RequestCount> phases, Map<String, AtomicInteger> served) {
    long ours = phases.get("total").total();
    int pages = (PULLS + PAGE - 1) / PAGE;
    // hass-release: find the milestone, one issues listing, then per PR a labels read, a PR read and a label
    // write, one PR read per PR for the notes, and the close.
    long hass = 1 + 1 + PULLS * 3L + PULLS + 1;
    // The minimum: pages of 100 for the milestone list, the items and the PR metadata, one write per PR label,
    // and the close; the notes reuse the metadata.
    long minimum = 1 + pages + pages + PULLS + 1;

    System.out.println("GitHub requests of a release day, milestone of " + PULLS + " merged pull requests");
    System.out.println();
    System.out.println("releasekit (measured against 127.0.0.1):");
    phases.forEach((phase, count) -> System.out.printf("  %-48s %s%n", phase, count));
    int server = served.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.printf("  %-48s %d%n", "requests the server saw", server);
    System.out.println();
    System.out.println("hass-release's pattern (model):");
    System.out.printf("  %-48s %d%n", "find milestone", 1);
    System.out.printf("  %-48s %d%n", "issues listing", 1);
    System.out.printf("  %-48s %d%n", "per PR: labels read + PR read + label write", PULLS * 3);
    System.out.printf("  %-48s %d%n", "per PR: PR read for the notes", PULLS);
    System.out.printf("  %-48s %d%n", "close milestone", 1);
    System.out.printf("  %-48s %d%n", "total", hass);
    System.out.println();
    System.out.println("minimum (model): milestone page + item pages + metadata pages of 100, one write per PR "
        + "label, close");
    System.out.printf("  %-48s %d%n", "total", minimum);
    System.out.println();
    System.out.printf("releasekit / minimum      = %d / %d = %.2fx (aim: <= 1.20x)%n", ours, minimum,
        (double) ours / minimum);
    System.out.printf("hass-release / releasekit = %d / %d = %.2fx%n", hass, ours, (double) hass / ours);
  }

  // ------------------------------------------------------------------ canned GitHub

  private static void answer(HttpExchange exchange, Map<String, AtomicInteger> served) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    served.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    int status = 200;
    String json;
    if (method.equals("GET") && path.equals(REPO + "/milestones")) {
      json = "[" + milestone("open") + "]";
    } else if (method.equals("PATCH") && path.equals(REPO + "/milestones/1")) {
      json = milestone("closed");
    } else if (method.equals("GET") && path.equals(REPO + "/issues")) {
      int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      int from = (page - 1) * perPage + 1;
      int to = Math.min(PULLS, from + perPage - 1);
      StringBuilder items = new StringBuilder("[");
      for (int number = from; number <= to; number++) {
        items.append(number == from ? "" : ",").append("{\"number\":").append(number)
            .append(",\"title\":\"Change ").append(number).append("\",\"state\":\"closed\",\"user\":{\"login\":")
            .append("\"dev").append(number).append("\"},\"labels\":[],\"milestone\":").append(milestone("open"))
            .append(",\"pull_request\":{\"url\":\"x\"},\"html_url\":\"https://github.com/home-assistant/core/pull/")
            .append(number).append("\"}");
      }
      json = items.append("]").toString();
      if (to < PULLS) {
        String next = "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + path + "?milestone=1&state=all"
            + "&per_page=" + perPage + "&page=" + (page + 1);
        exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
      }
    } else if (method.equals("POST") && path.equals("/graphql")) {
      StringBuilder data = new StringBuilder("{\"data\":{\"repository\":{");
      Matcher alias = ALIAS.matcher(body.replace("\\n", "\n"));
      boolean first = true;
      while (alias.find()) {
        int number = Integer.parseInt(alias.group(2));
        data.append(first ? "" : ",").append('"').append(alias.group(1)).append("\":{\"number\":").append(number)
            .append(",\"title\":\"Change ").append(number).append("\",\"body\":\"\",\"url\":\"https://github.com/")
            .append("home-assistant/core/pull/").append(number).append("\",\"state\":\"MERGED\",\"mergedAt\":")
            .append("\"2026-11-01T10:00:00Z\",\"mergeCommit\":{\"oid\":\"").append(String.format("%040d", number))
            .append("\"},\"headRefName\":\"fix-").append(number).append("\",\"baseRefName\":\"dev\",\"author\":")
            .append("{\"login\":\"dev").append(number).append("\"},\"labels\":{\"nodes\":[]},\"milestone\":")
            .append("{\"title\":\"0.57\"}}");
        first = false;
      }
      json = data.append("}}}").toString();
    } else if (method.equals("GET") && path.equals(REPO + "/labels")) {
      json = "[{\"name\":\"cherry-picked\"},{\"name\":\"reverted\"},{\"name\":\"new-platform\"}]";
    } else if (method.equals("POST") && path.matches(REPO + "/issues/\\d+/labels")) {
      json = "[{\"name\":\"cherry-picked\"}]";
    } else {
      status = 404;
      json = "{\"message\":\"Not Found\"}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String milestone(String state) {
    return "{\"number\":1,\"title\":\"0.57\",\"state\":\"" + state + "\",\"html_url\":"
        + "\"https://github.com/home-assistant/core/milestone/1\"}";
  }

  /** A query string's parameters, decoded; the other request benchmarks' canned servers read them too. */
  static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }
}
