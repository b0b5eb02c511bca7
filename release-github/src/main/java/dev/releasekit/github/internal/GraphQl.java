package dev.releasekit.github.internal;

import dev.releasekit.RemoteException;
import dev.releasekit.spi.PullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pull request metadata for up to 100 numbers in one GraphQL query, each under an alias {@code pr<N>}. It is a
 * POST that only reads, so it is retried like a GET and a read-only view lets it through. A number that is an
 * issue, or unknown, comes back as {@code null} with a {@code NOT_FOUND} error, and is left out of the result.
 */
final class GraphQl {
  static final String FIELDS = "number title body url state mergedAt mergeCommit { oid } headRefName "
      + "baseRefName author { login } labels(first: 100) { nodes { name } } milestone { title }";

  private GraphQl() {}

  static String query(List<Integer> numbers) {
    StringBuilder query = new StringBuilder("query($owner: String!, $name: String!) {\n")
        .append("  repository(owner: $owner, name: $name) {\n");
    for (int number : numbers) {
      query.append("    pr").append(number).append(": pullRequest(number: ").append(number).append(") { ...pr }\n");
    }
    return query.append("  }\n}\nfragment pr on PullRequest { ").append(FIELDS).append(" }\n").toString();
  }

  static Map<Integer, PullRequest> pullRequests(Api api, List<Integer> numbers) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("owner", api.owner());
    variables.put("name", api.repo());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("query", query(numbers));
    request.put("variables", variables);
    String action = "read " + numbers.size() + " pull requests";
    ApiResponse response = api.graphQl(JsonMaps.write(request));
    Failures.require(api, response, action, Failures.PULLS_READ);
    Map<String, Object> answer = JsonMaps.object(response.json());
    List<String> problems = new ArrayList<>();
    for (Object error : JsonMaps.list(answer, "errors")) {
      Map<String, Object> detail = JsonMaps.object(error);
      List<Object> path = JsonMaps.list(detail, "path");
      boolean perPullRequest = path.size() == 2 && "NOT_FOUND".equals(JsonMaps.text(detail, "type"));
      if (!perPullRequest) {
        if (path.size() == 1 && "NOT_FOUND".equals(JsonMaps.text(detail, "type"))) {
          throw Failures.repositoryMissing(api, response);
        }
        problems.add(api.redact(JsonMaps.text(detail, "message")));
      }
    }
    if (!problems.isEmpty()) {
      throw RemoteException.of(api.service(), response.status(), response.requestId().orElse(null),
          "GitHub's GraphQL API could not " + action + ": " + String.join("; ", problems)
              + ". Run again later; if it persists, check the token's pull_requests: read permission.");
    }
    Map<String, Object> repository = JsonMaps.object(JsonMaps.object(answer, "data"), "repository");
    Map<Integer, PullRequest> found = new LinkedHashMap<>();
    for (int number : numbers) {
      Object node = repository.get("pr" + number);
      if (node instanceof Map) {
        found.put(number, pullRequest(JsonMaps.object(node)));
      }
    }
    return found;
  }

  private static PullRequest pullRequest(Map<String, Object> node) {
    String state = JsonMaps.text(node, "state");
    Optional<String> author = JsonMaps.string(JsonMaps.object(node, "author"), "login");
    List<String> labels = new ArrayList<>();
    for (Object label : JsonMaps.list(JsonMaps.object(node, "labels"), "nodes")) {
      JsonMaps.string(JsonMaps.object(label), "name").ifPresent(labels::add);
    }
    boolean merged = "MERGED".equals(state);
    return new PullRequest(
        (int) JsonMaps.number(node, "number"),
        JsonMaps.text(node, "title"),
        JsonMaps.text(node, "body"),
        JsonMaps.text(node, "headRefName"),
        JsonMaps.text(node, "baseRefName"),
        merged ? PullRequest.State.MERGED : "OPEN".equals(state) ? PullRequest.State.OPEN : PullRequest.State.CLOSED,
        author.orElse("ghost"),
        labels,
        JsonMaps.string(JsonMaps.object(node, "milestone"), "title"),
        PullRequests.instant(JsonMaps.string(node, "mergedAt").orElse(null)),
        merged ? JsonMaps.string(JsonMaps.object(node, "mergeCommit"), "oid") : Optional.empty(),
        JsonMaps.text(node, "url"));
  }
}
