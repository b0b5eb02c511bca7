package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.CONTENTS_WRITE;
import static dev.releasekit.github.internal.Failures.PULLS_READ;
import static dev.releasekit.github.internal.Failures.PULLS_WRITE;

import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.spi.PullRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/** Pull requests: {@code /repos/{owner}/{repo}/pulls}, and batches of them over GraphQL. */
public final class PullRequests {
  static final int GRAPHQL_BATCH = 100;

  private final Api api;

  public PullRequests(Api api) {
    this.api = api;
  }

  public Optional<PullRequest> find(String head, String base) {
    return list(head, base, "all").stream().findFirst();
  }

  private List<PullRequest> list(String head, String base, String state) {
    HttpUrl url = api.listUrl("pulls")
        .addQueryParameter("state", state)
        .addQueryParameter("head", head.contains(":") ? head : api.owner() + ":" + head)
        .addQueryParameter("base", base)
        .addQueryParameter("sort", "created")
        .addQueryParameter("direction", "desc")
        .build();
    return Paging.all(api, url, Schema.Pull.class, "find the pull request from " + head + " into " + base,
        PULLS_READ, null).stream().map(this::toPullRequest).collect(Collectors.toList());
  }

  public PullRequest get(int number) {
    ApiResponse response = api.get(api.repoUrl("pulls", Integer.toString(number)).build());
    if (response.status() == 404) {
      throw Failures.missing(api, response, "pull request #" + number,
          "Check the number: it may be an issue, or belong to another repository.");
    }
    String action = "read pull request #" + number;
    Failures.require(api, response, action, PULLS_READ);
    return toPullRequest(api.read(response, Schema.Pull.class, action));
  }

  /** Up to 100 per GraphQL query; issues and unknown numbers are left out. */
  public Map<Integer, PullRequest> batch(Collection<Integer> numbers) {
    List<Integer> wanted = new ArrayList<>(new TreeSet<>(numbers));
    Map<Integer, PullRequest> found = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += GRAPHQL_BATCH) {
      found.putAll(GraphQl.pullRequests(api, wanted.subList(from, Math.min(wanted.size(), from + GRAPHQL_BATCH))));
    }
    return found;
  }

  /** Opens one; a second open one for the same head and base is refused as {@code AlreadyExistsException}. */
  public PullRequest open(String head, String base, String title, String body) {
    return WriteOnce.create(api, "open a pull request from " + head + " into " + base, PULLS_WRITE, null,
        new WriteOnce.Taken(Change.Kind.PULL_REQUEST, head + " -> " + base, "Use the open pull request"
            + " (findPullRequest(head, base)), or close it first; a head and base have one open pull request at a"
            + " time."),
        api.repoUrl("pulls").build(), new Schema.NewPull(title, head, base, body == null ? "" : body),
        () -> list(head, base, "open").stream().findFirst(),
        response -> toPullRequest(api.read(response, Schema.Pull.class, "open a pull request")));
  }

  public PullRequest update(int number, String title, String body) {
    ApiResponse response = api.patch(api.repoUrl("pulls", Integer.toString(number)).build(),
        new Schema.PullEdit(title, body));
    if (response.status() == 404) {
      throw Failures.missing(api, response, "pull request #" + number, "Check the number.");
    }
    String action = "update pull request #" + number;
    Failures.require(api, response, action, PULLS_WRITE);
    return toPullRequest(api.read(response, Schema.Pull.class, action));
  }

  /**
   * Merges with {@code merge_method=merge}. GitHub answers 405 when the pull request cannot be merged, and also
   * when it is merged already (for instance when the answer to an earlier attempt was lost); the pull request is
   * read back to tell the two apart: already merged returns the merged pull request, anything else is a conflict.
   */
  public PullRequest merge(int number) {
    ApiResponse response = api.put(api.repoUrl("pulls", Integer.toString(number), "merge").build(),
        new Schema.Merge("merge"));
    if (response.status() == 404) {
      throw Failures.missing(api, response, "pull request #" + number, "Check the number.");
    }
    if (response.status() == 405 || response.status() == 409) {
      PullRequest now = get(number);
      if (now.isMerged()) {
        return now;
      }
      throw new ConflictException("GitHub cannot merge pull request #" + number + " (" + now.head() + " -> "
          + now.base() + ", " + now.state().name().toLowerCase() + "): " + api.redact(response.message())
          + ". Resolve its conflicts or update its branch (and reopen it if it was closed), then run again.",
          now.url(), null, List.of());
    }
    Failures.require(api, response, "merge pull request #" + number, CONTENTS_WRITE);
    return get(number);
  }

  private PullRequest toPullRequest(Schema.Pull json) {
    Optional<Instant> mergedAt = instant(json.mergedAt());
    boolean merged = mergedAt.isPresent() || Boolean.TRUE.equals(json.merged());
    PullRequest.State state = merged ? PullRequest.State.MERGED
        : "open".equals(json.state()) ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
    return new PullRequest(json.number(), json.title(), json.body() == null ? "" : json.body(), json.head().ref(),
        json.base().ref(), state, json.user() == null ? "" : json.user().login(), Milestones.names(json.labels()),
        Optional.ofNullable(json.milestone()).map(Schema.Titled::title), mergedAt,
        merged ? Optional.ofNullable(json.mergeCommitSha()) : Optional.empty(), json.htmlUrl());
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).filter(t -> !t.isBlank()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
