package dev.releasekit.github.internal;

import dev.releasekit.AuthenticationException;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.RemoteException;
import dev.releasekit.github.CommitSummary;
import dev.releasekit.github.Comparison;
import dev.releasekit.github.Contributor;
import dev.releasekit.github.internal.Transport.Call;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations behind {@link dev.releasekit.github.GitHub}: which endpoint, which fields, and what each status
 * means. Every page is 100 items; lists follow the {@code Link} header; pull request metadata is read in batches
 * through GraphQL; a create whose answer was lost is read back before it is sent again.
 */
public final class GitHubClient {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubClient.class);
  static final int PAGE = 100;
  static final int GRAPHQL_BATCH = 100;

  private static final String PULLS_READ = "pull_requests: read";
  private static final String PULLS_WRITE = "pull_requests: write";
  private static final String CONTENTS_READ = "contents: read";
  private static final String CONTENTS_WRITE = "contents: write";
  private static final String ISSUES_READ = "issues: read";
  private static final String ISSUES_WRITE = "issues: write";
  private static final String METADATA_READ = "metadata: read";

  private final Transport transport;
  private final Endpoints endpoints;
  private final String owner;
  private final String repo;
  private final AtomicBoolean repositorySeen;
  private final AtomicReference<Set<String>> labelCache;

  public GitHubClient(Transport transport, Endpoints endpoints, String owner, String repo) {
    this(transport, endpoints, owner, repo, new AtomicBoolean(), new AtomicReference<>());
  }

  private GitHubClient(Transport transport, Endpoints endpoints, String owner, String repo,
      AtomicBoolean repositorySeen, AtomicReference<Set<String>> labelCache) {
    this.transport = transport;
    this.endpoints = endpoints;
    this.owner = owner;
    this.repo = repo;
    this.repositorySeen = repositorySeen;
    this.labelCache = labelCache;
  }

  public GitHubClient readOnly() {
    return new GitHubClient(transport.readOnly(), endpoints, owner, repo, repositorySeen, labelCache);
  }

  public Transport transport() {
    return transport;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public String fullName() {
    return owner + "/" + repo;
  }

  // ---------------------------------------------------------------- pull requests

  public Optional<PullRequest> findPullRequest(String head, String base) {
    return listPullRequests(head, base, "all").stream().findFirst();
  }

  private List<PullRequest> listPullRequests(String head, String base, String state) {
    HttpUrl url = repoUrl("pulls")
        .addQueryParameter("state", state)
        .addQueryParameter("head", head.contains(":") ? head : owner + ":" + head)
        .addQueryParameter("base", base)
        .addQueryParameter("sort", "created")
        .addQueryParameter("direction", "desc")
        .addQueryParameter("per_page", Integer.toString(PAGE))
        .build();
    return pages(url, "find the pull request from " + head + " into " + base, PULLS_READ, null).stream()
        .map(item -> pullRequest(Json.object(item)))
        .collect(Collectors.toList());
  }

  public PullRequest pullRequest(int number) {
    ApiResponse response = transport.send(Call.get(repoUrl("pulls", Integer.toString(number)).build()));
    if (response.status() == 404) {
      throw missing(response, "pull request #" + number,
          "Check the number: it may be an issue, or belong to another repository.");
    }
    require(response, "read pull request #" + number, PULLS_READ);
    return pullRequest(Json.object(response.json()));
  }

  public Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    List<Integer> wanted = new ArrayList<>(new TreeSet<>(numbers));
    Map<Integer, PullRequest> found = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += GRAPHQL_BATCH) {
      found.putAll(GraphQl.pullRequests(this, wanted.subList(from, Math.min(wanted.size(), from + GRAPHQL_BATCH))));
    }
    return found;
  }

  /** Sends one GraphQL query (a read) and maps failures; the caller reads {@code data}. */
  ApiResponse graphQl(String body, String action) {
    ApiResponse response = transport.send(Call.graphQl(endpoints.graphQl(), body));
    require(response, action, PULLS_READ);
    return response;
  }

  public PullRequest openPullRequest(String head, String base, String title, String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("title", title);
    request.put("head", head);
    request.put("base", base);
    request.put("body", body == null ? "" : body);
    String action = "open a pull request from " + head + " into " + base;
    return createOnce(action, PULLS_WRITE, Call.post(repoUrl("pulls").build(), Json.write(request)),
        () -> listPullRequests(head, base, "open").stream().findFirst(),
        response -> pullRequest(Json.object(response.json())));
  }

  public PullRequest updatePullRequest(int number, String title, String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    if (title != null) {
      request.put("title", title);
    }
    if (body != null) {
      request.put("body", body);
    }
    ApiResponse response = transport.send(Call.patch(repoUrl("pulls", Integer.toString(number)).build(),
        Json.write(request)));
    if (response.status() == 404) {
      throw missing(response, "pull request #" + number, "Check the number.");
    }
    require(response, "update pull request #" + number, PULLS_WRITE);
    return pullRequest(Json.object(response.json()));
  }

  /**
   * Merges with {@code merge_method=merge}. GitHub answers 405 when the pull request cannot be merged, and also
   * when it is merged already (for instance when the answer to an earlier attempt was lost); the pull request is
   * read back to tell the two apart: already merged returns the merged pull request, anything else is a conflict.
   */
  public PullRequest mergePullRequest(int number) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("merge_method", "merge");
    ApiResponse response = transport.send(Call.put(repoUrl("pulls", Integer.toString(number), "merge").build(),
        Json.write(request)));
    String action = "merge pull request #" + number;
    if (response.status() == 404) {
      throw missing(response, "pull request #" + number, "Check the number.");
    }
    if (response.status() == 405 || response.status() == 409) {
      PullRequest now = pullRequest(number);
      if (now.isMerged()) {
        return now;
      }
      throw new ConflictException("GitHub cannot merge pull request #" + number + " (" + now.head() + " -> "
          + now.base() + ", " + now.state().name().toLowerCase() + "): " + redact(response.message())
          + ". Resolve its conflicts or update its branch (and reopen it if it was closed), then run again.",
          now.url(), null, List.of());
    }
    require(response, action, CONTENTS_WRITE);
    return pullRequest(number);
  }

  // ---------------------------------------------------------------- labels

  public Set<String> labels() {
    Set<String> names = pages(repoUrl("labels").addQueryParameter("per_page", Integer.toString(PAGE)).build(),
        "list the labels", ISSUES_READ, null).stream()
        .map(item -> Json.text(Json.object(item), "name"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    labelCache.set(Set.copyOf(names));
    return names;
  }

  /**
   * Adds labels after checking they exist: GitHub would create a missing label silently. The repository's labels
   * are read once per client and read again only when a label seems missing.
   */
  public void addLabels(int number, Collection<String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    Set<String> known = labelCache.get();
    if (known == null || !known.containsAll(labels)) {
      known = labels();
    }
    List<String> missing = labels.stream().filter(label -> !labelExists(label)).collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new PreconditionException("The label" + (missing.size() == 1 ? " " : "s ") + String.join(", ",
          quote(missing)) + (missing.size() == 1 ? " does" : " do") + " not exist in " + fullName()
          + ": create it or pass createMissingLabels (releasekit never creates a label silently). The labels that "
          + "exist are: " + String.join(", ", quote(new TreeSet<>(labelCache.get()))) + ".");
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("labels", List.copyOf(labels));
    String action = "label #" + number + " " + String.join(", ", labels);
    createOnce(action, ISSUES_WRITE, "issue or pull request #" + number,
        Call.post(repoUrl("issues", Integer.toString(number), "labels").build(), Json.write(request)),
        () -> issueLabels(number).containsAll(labels) ? Optional.of(Boolean.TRUE) : Optional.empty(),
        response -> Boolean.TRUE);
  }

  private boolean labelExists(String label) {
    Set<String> known = labelCache.get();
    return known != null && known.contains(label);
  }

  public List<String> issueLabels(int number) {
    HttpUrl url = repoUrl("issues", Integer.toString(number), "labels")
        .addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "read the labels of #" + number, ISSUES_READ, "issue or pull request #" + number).stream()
        .map(item -> Json.text(Json.object(item), "name"))
        .collect(Collectors.toList());
  }

  public void createLabel(String name) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", name);
    request.put("color", "ededed");
    String action = "create the label '" + name + "'";
    ApiResponse response = transport.send(Call.post(repoUrl("labels").build(), Json.write(request)));
    if (response.status() == 422 && labels().contains(name)) {
      return;
    }
    if (response.isSuccess()) {
      Set<String> known = labelCache.get();
      if (known != null) {
        Set<String> updated = new LinkedHashSet<>(known);
        updated.add(name);
        labelCache.set(Set.copyOf(updated));
      }
      return;
    }
    if (!response.isTransientFailure()) {
      throw failure(response, action, ISSUES_WRITE);
    }
    createOnce(action, ISSUES_WRITE, Call.post(repoUrl("labels").build(), Json.write(request)),
        () -> labels().contains(name) ? Optional.of(Boolean.TRUE) : Optional.empty(), r -> Boolean.TRUE);
  }

  // ---------------------------------------------------------------- milestones and issues

  public Optional<Milestone> milestone(String title) {
    return milestones("all").stream().filter(m -> m.title().equals(title)).findFirst();
  }

  public List<Milestone> openMilestones() {
    return milestones("open");
  }

  private List<Milestone> milestones(String state) {
    HttpUrl url = repoUrl("milestones").addQueryParameter("state", state)
        .addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "list the " + ("all".equals(state) ? "" : state + " ") + "milestones", ISSUES_READ, null)
        .stream().map(item -> milestone(Json.object(item))).collect(Collectors.toList());
  }

  public List<Issue> milestoneItems(Milestone milestone) {
    HttpUrl url = repoUrl("issues").addQueryParameter("milestone", Integer.toString(milestone.number()))
        .addQueryParameter("state", "all").addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "list the issues of milestone " + milestone.title(), ISSUES_READ, null).stream()
        .map(item -> issue(Json.object(item))).collect(Collectors.toList());
  }

  public Milestone closeMilestone(Milestone milestone) {
    ApiResponse response = transport.send(Call.patch(
        repoUrl("milestones", Integer.toString(milestone.number())).build(), Json.write(Map.of("state", "closed"))));
    if (response.status() == 404) {
      throw missing(response, "milestone " + milestone.title() + " (number " + milestone.number() + ")",
          "Look it up again with milestone(title).");
    }
    require(response, "close milestone " + milestone.title(), ISSUES_WRITE);
    return milestone(Json.object(response.json()));
  }

  public List<Issue> searchIssues(String query) {
    HttpUrl url = endpoints.rest("search", "issues").addQueryParameter("q", query)
        .addQueryParameter("per_page", Integer.toString(PAGE)).build();
    List<Issue> issues = new ArrayList<>();
    HttpUrl next = url;
    while (next != null) {
      ApiResponse response = transport.send(Call.get(next));
      require(response, "search issues for '" + query + "'", ISSUES_READ);
      for (Object item : Json.list(Json.object(response.json()), "items")) {
        issues.add(issue(Json.object(item)));
      }
      next = nextPage(response);
    }
    return issues;
  }

  // ---------------------------------------------------------------- releases

  /**
   * The release for {@code tag}, published or draft. GitHub's by-tag endpoint does not return drafts, so when it
   * finds nothing the release list (which shows drafts to writers) is searched too.
   */
  public Optional<HostedRelease> releaseByTag(String tag) {
    ApiResponse response = transport.send(Call.get(repoUrl("releases", "tags", tag).build()));
    if (response.isSuccess()) {
      repositorySeen.set(true);
      return Optional.of(release(Json.object(response.json())));
    }
    if (response.status() != 404) {
      throw failure(response, "read the release for tag " + tag, CONTENTS_READ);
    }
    HttpUrl url = repoUrl("releases").addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "list the releases", CONTENTS_READ, null).stream()
        .map(Json::object)
        .filter(item -> tag.equals(Json.text(item, "tag_name")))
        .map(this::release)
        .findFirst();
  }

  public HostedRelease createDraftRelease(String tag, String name, String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tag_name", tag);
    request.put("name", name);
    request.put("body", body == null ? "" : body);
    request.put("draft", Boolean.TRUE);
    return createOnce("create the draft release " + name + " for tag " + tag, CONTENTS_WRITE,
        Call.post(repoUrl("releases").build(), Json.write(request)), () -> releaseByTag(tag),
        response -> release(Json.object(response.json())));
  }

  public HostedRelease updateReleaseBody(String id, String body) {
    return patchRelease(id, Map.of("body", body == null ? "" : body), "update the body of release " + id);
  }

  public HostedRelease publishRelease(String id) {
    return patchRelease(id, Map.of("draft", Boolean.FALSE), "publish release " + id);
  }

  private HostedRelease patchRelease(String id, Map<String, Object> fields, String action) {
    ApiResponse response = transport.send(Call.patch(repoUrl("releases", id).build(), Json.write(fields)));
    if (response.status() == 404) {
      throw missing(response, "release " + id, "Look it up again with releaseByTag(tag).");
    }
    require(response, action, CONTENTS_WRITE);
    return release(Json.object(response.json()));
  }

  // ---------------------------------------------------------------- git, users, contributors

  public Optional<String> gitRef(String ref) {
    // One path segment, its slashes encoded as %2F, as GitHub's own clients send it: heads%2Fmaster.
    String path = ref.startsWith("refs/") ? ref.substring("refs/".length()) : ref;
    ApiResponse response = transport.send(Call.get(repoUrl("git", "ref", path).build()));
    if (response.status() == 404) {
      if (repositoryExists()) {
        return Optional.empty();
      }
      throw repositoryMissing(response);
    }
    require(response, "read the ref " + ref, CONTENTS_READ);
    return Json.string(Json.object(Json.object(response.json()), "object"), "sha");
  }

  public Comparison compare(String base, String head) {
    HttpUrl url = repoUrl("compare", base + "..." + head).addQueryParameter("per_page", Integer.toString(PAGE))
        .build();
    String action = "compare " + base + "..." + head;
    List<CommitSummary> commits = new ArrayList<>();
    Map<String, Object> first = null;
    HttpUrl next = url;
    while (next != null) {
      ApiResponse response = transport.send(Call.get(next));
      if (response.status() == 404) {
        throw missing(response, "one of " + base + " and " + head,
            "Check that both branches, tags or commits exist on GitHub.");
      }
      require(response, action, CONTENTS_READ);
      Map<String, Object> page = Json.object(response.json());
      if (first == null) {
        first = page;
      }
      for (Object commit : Json.list(page, "commits")) {
        commits.add(commit(Json.object(commit)));
      }
      next = nextPage(response);
    }
    return new Comparison(Json.text(first, "status"), (int) Json.number(first, "ahead_by"),
        (int) Json.number(first, "behind_by"), commits);
  }

  public Optional<User> user(String login) {
    ApiResponse response = transport.send(Call.get(endpoints.rest("users", login).build()));
    if (response.status() == 404) {
      return Optional.empty();
    }
    require(response, "read the user " + login, METADATA_READ);
    Map<String, Object> user = Json.object(response.json());
    return Optional.of(new User(Json.text(user, "login"), Json.string(user, "name").filter(n -> !n.isBlank()),
        Json.string(user, "html_url").orElse(userUrl(login))));
  }

  public List<Contributor> contributors() {
    HttpUrl url = repoUrl("contributors").addQueryParameter("anon", "1")
        .addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "list the contributors", METADATA_READ, null).stream().map(Json::object)
        .map(item -> new Contributor(
            "Anonymous".equals(Json.text(item, "type")) ? Optional.empty() : Json.string(item, "login"),
            Json.string(item, "name"), Json.string(item, "email"), (int) Json.number(item, "contributions")))
        .collect(Collectors.toList());
  }

  public List<CommitSummary> commitsByAuthor(String author) {
    HttpUrl url = repoUrl("commits").addQueryParameter("author", author)
        .addQueryParameter("per_page", Integer.toString(PAGE)).build();
    return pages(url, "list the commits of " + author, CONTENTS_READ, null).stream()
        .map(item -> commit(Json.object(item))).collect(Collectors.toList());
  }

  public String webUrl() {
    return endpoints.web() + "/" + owner + "/" + repo;
  }

  public String userUrl(String login) {
    return endpoints.web() + "/" + login;
  }

  // ---------------------------------------------------------------- plumbing

  HttpUrl.Builder repoUrl(String... segments) {
    String[] all = new String[segments.length + 3];
    all[0] = "repos";
    all[1] = owner;
    all[2] = repo;
    System.arraycopy(segments, 0, all, 3, segments.length);
    return endpoints.rest(all);
  }

  String owner() {
    return owner;
  }

  String repo() {
    return repo;
  }

  /** Every item of every page, following {@code Link: rel="next"}. */
  private List<Object> pages(HttpUrl first, String action, String permission, String object) {
    List<Object> items = new ArrayList<>();
    HttpUrl next = first;
    while (next != null) {
      ApiResponse response = transport.send(Call.get(next));
      if (response.status() == 404) {
        throw object == null ? repositoryMissing(response) : missing(response, object, "Check the number.");
      }
      require(response, action, permission);
      items.addAll(Json.list(response.json()));
      next = nextPage(response);
    }
    return items;
  }

  /** The next page, only on the API's own host: a {@code Link} elsewhere would carry the token away. */
  private HttpUrl nextPage(ApiResponse response) {
    HttpUrl next = response.nextLink().map(HttpUrl::parse).orElse(null);
    if (next != null && !(next.host().equals(endpoints.api().host()) && next.port() == endpoints.api().port()
        && next.scheme().equals(endpoints.api().scheme()))) {
      throw new RemoteException(transport.service(), response.status(), response.requestId().orElse(null),
          "GitHub's next-page link points to another host (" + next.host() + "); releasekit does not send the "
              + "token there. Check the API base URL (GITHUB_API_URL) and any proxy in between.");
    }
    return next;
  }

  /**
   * Sends a create once; when the answer is lost or a server error comes back (it may have been created anyway),
   * reads the state back, and sends it again only when the read finds nothing.
   */
  private <T> T createOnce(String action, String permission, Call post, Supplier<Optional<T>> readBack,
      Function<ApiResponse, T> created) {
    return createOnce(action, permission, null, post, readBack, created);
  }

  private <T> T createOnce(String action, String permission, String missingObject, Call post,
      Supplier<Optional<T>> readBack, Function<ApiResponse, T> created) {
    for (int attempt = 1; ; attempt++) {
      ApiResponse response = transport.send(post);
      if (response.isSuccess()) {
        repositorySeen.set(true);
        return created.apply(response);
      }
      if (response.status() == 404 && missingObject != null) {
        throw missing(response, missingObject, "Check the number.");
      }
      if (!response.isTransientFailure()) {
        throw failure(response, action, permission);
      }
      LOG.info("GitHub answered {} when trying to {}; reading the state back before sending it again", response,
          action);
      Optional<T> existing = readBack.get();
      if (existing.isPresent()) {
        LOG.info("It was done already; not sending it again");
        return existing.get();
      }
      if (attempt >= transport.maxAttempts()) {
        throw failure(response, action, permission);
      }
      transport.backoff(attempt);
    }
  }

  private void require(ApiResponse response, String action, String permission) {
    if (response.isSuccess()) {
      if (response.status() != 0) {
        repositorySeen.set(true);
      }
      return;
    }
    throw failure(response, action, permission);
  }

  private boolean repositoryExists() {
    if (repositorySeen.get()) {
      return true;
    }
    ApiResponse probe = transport.send(Call.get(endpoints.rest("repos", owner, repo).build()));
    if (probe.isSuccess()) {
      repositorySeen.set(true);
      return true;
    }
    if (probe.status() == 404) {
      return false;
    }
    throw failure(probe, "read the repository " + fullName(), METADATA_READ);
  }

  private ReleaseException missing(ApiResponse response, String object, String next) {
    if (repositoryExists()) {
      return new PreconditionException(capitalize(object) + " does not exist in " + fullName()
          + " (GitHub answered 404). " + next);
    }
    return repositoryMissing(response);
  }

  ReleaseException repositoryMissing(ApiResponse response) {
    return new PreconditionException("GitHub has no repository " + fullName() + " that this token can see ("
        + endpoints.api().host() + " answered 404" + response.requestId().map(id -> ", request id " + id).orElse("")
        + "). Check the owner and name (GITHUB_REPOSITORY or origin's URL), and that the token has access to the "
        + "repository: a fine-grained token must list it under 'Repository access'.");
  }

  ReleaseException failure(ApiResponse response, String action, String permission) {
    String requestId = response.requestId().orElse(null);
    String service = transport.service();
    String message = redact(response.message());
    switch (response.status()) {
      case 0:
        return new RemoteException(service, 0, null, "No answer from GitHub (" + message + ") when trying to "
            + action + ", after " + transport.maxAttempts() + " attempts. Check the network, the proxy and "
            + "githubstatus.com, then run again: steps read back before they write, so nothing is done twice.");
      case 401:
        return new AuthenticationException(service, 401, requestId, "GitHub rejected the token (401 " + message
            + ") when trying to " + action + "." + scopes(response) + " Check that GITHUB_TOKEN holds a valid, "
            + "unexpired token with " + permission + " on " + fullName() + ", then run again.");
      case 403:
        if (response.header("x-accepted-github-permissions").isPresent()
            || message.contains("not accessible") || message.contains("permission")
            || message.contains("Must have")) {
          return new AuthenticationException(service, 403, requestId, "The token may not " + action + " on "
              + fullName() + " (403 " + message + "): it needs " + needed(response, permission) + "."
              + scopes(response) + " Grant that permission to the token, then run again.");
        }
        return new RemoteException(service, 403, requestId, "GitHub refused to " + action + " (403 " + message
            + "). Check the token's permissions (" + permission + ") and the repository's rules, then run again.");
      case 404:
        return repositoryMissing(response);
      case 409:
        return new ConflictException("GitHub refused to " + action + " because of a conflicting state (409 "
            + message + "). Look at " + webUrl() + ", resolve it, then run again.");
      case 422:
        return new PreconditionException("GitHub refused to " + action + " (422 " + message + "). Fix the input "
            + "(branch names, title, labels) and run again.");
      default:
        return new RemoteException(service, response.status(), requestId, "GitHub answered " + response.status()
            + " (" + message + ") when trying to " + action + (requestId == null ? "" : ", request id " + requestId)
            + (response.isTransientFailure() ? ", after " + transport.maxAttempts() + " attempts" : "")
            + ". Run again later; steps already done will be skipped.");
    }
  }

  private static String needed(ApiResponse response, String permission) {
    return response.header("x-accepted-github-permissions")
        .map(accepted -> "one of these permission sets: " + accepted.replace("=", ": "))
        .orElse(permission);
  }

  private static String scopes(ApiResponse response) {
    StringBuilder text = new StringBuilder();
    response.header("x-oauth-scopes").ifPresent(s -> text.append(" The token's scopes are: ")
        .append(s.isBlank() ? "(none)" : s).append('.'));
    response.header("x-accepted-oauth-scopes").filter(s -> !s.isBlank())
        .ifPresent(s -> text.append(" This call accepts the scopes: ").append(s).append('.'));
    return text.toString();
  }

  String redact(String text) {
    return transport.token().redact(text);
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static List<String> quote(Collection<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- mapping

  PullRequest pullRequest(Map<String, Object> json) {
    Optional<Instant> mergedAt = instant(Json.string(json, "merged_at"));
    boolean merged = mergedAt.isPresent() || Json.bool(json, "merged");
    PullRequest.State state = merged ? PullRequest.State.MERGED
        : "open".equals(Json.text(json, "state")) ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
    return new PullRequest(
        (int) Json.number(json, "number"),
        Json.text(json, "title"),
        Json.text(json, "body"),
        Json.text(Json.object(json, "head"), "ref"),
        Json.text(Json.object(json, "base"), "ref"),
        state,
        Json.text(Json.object(json, "user"), "login"),
        labelNames(Json.list(json, "labels")),
        Json.string(Json.object(json, "milestone"), "title"),
        mergedAt,
        merged ? Json.string(json, "merge_commit_sha") : Optional.empty(),
        Json.text(json, "html_url"));
  }

  private Issue issue(Map<String, Object> json) {
    boolean pull = json.get("pull_request") instanceof Map;
    return new Issue(
        (int) Json.number(json, "number"),
        Json.text(json, "title"),
        pull ? Issue.Kind.PULL_REQUEST : Issue.Kind.ISSUE,
        "open".equals(Json.text(json, "state")) ? Issue.State.OPEN : Issue.State.CLOSED,
        Json.text(Json.object(json, "user"), "login"),
        labelNames(Json.list(json, "labels")),
        Json.string(Json.object(json, "milestone"), "title"),
        Json.text(json, "html_url"));
  }

  private static Milestone milestone(Map<String, Object> json) {
    return new Milestone((int) Json.number(json, "number"), Json.text(json, "title"),
        "open".equals(Json.text(json, "state")) ? Milestone.State.OPEN : Milestone.State.CLOSED,
        Json.text(json, "html_url"));
  }

  private HostedRelease release(Map<String, Object> json) {
    String tag = Json.text(json, "tag_name");
    return new HostedRelease(Json.text(json, "id"), tag, Json.string(json, "name").filter(n -> !n.isBlank())
        .orElse(tag), Json.text(json, "body"),
        Json.bool(json, "draft") ? HostedRelease.Status.DRAFT : HostedRelease.Status.PUBLISHED,
        Json.text(json, "html_url"));
  }

  private static CommitSummary commit(Map<String, Object> json) {
    Map<String, Object> commit = Json.object(json, "commit");
    Map<String, Object> author = Json.object(commit, "author");
    return new CommitSummary(Json.text(json, "sha"), Json.text(commit, "message"), Json.text(author, "name"),
        Json.text(author, "email"), Json.string(Json.object(json, "author"), "login"));
  }

  private static List<String> labelNames(List<Object> labels) {
    List<String> names = new ArrayList<>();
    for (Object label : labels) {
      if (label instanceof String) {
        names.add((String) label);
      } else {
        Json.string(Json.object(label), "name").ifPresent(names::add);
      }
    }
    return names;
  }

  static Optional<Instant> instant(Optional<String> text) {
    try {
      return text.filter(t -> !t.isBlank()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
