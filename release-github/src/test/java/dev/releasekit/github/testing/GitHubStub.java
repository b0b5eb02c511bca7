package dev.releasekit.github.testing;

import dev.releasekit.testing.FakeTime;
import dev.releasekit.testing.Seeding;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.releasekit.Secret;
import dev.releasekit.github.GitHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * A stateful GitHub on 127.0.0.1: WireMock with one transformer that holds pull requests, issues, milestones,
 * labels, releases and users in memory and answers the REST and GraphQL calls releasekit makes, in GitHub's
 * shapes. With {@link #withOrigin(Path)} it shares a bare git repository with the test, so merging a pull request
 * makes a real merge commit there and refs, compare and contributors come from git.
 *
 * <pre>{@code
 * try (GitHubStub stub = GitHubStub.start("home-assistant/core")) {
 *   int milestone = stub.milestone("0.57");
 *   int pr = stub.pull("Add fail2ban sensor").author("fronzbot").milestone("0.57").mergedAs("abc123").create();
 *   GitHub github = stub.client().build();
 *   ...
 *   assertThat(stub.validationErrors()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Every exchange is validated against GitHub's OpenAPI description ({@link ApiValidator}); problems collect in
 * {@link #validationErrors()}. Faults (502, connection resets, rate limits) can be injected at a request position
 * or on a route, before or after the effect. Like GitHub, adding a label that does not exist creates it; the stub
 * records that in {@link #silentlyCreatedLabels()} so tests can prove the client never lets it happen.
 */
public final class GitHubStub implements AutoCloseable {
  /** A token tests use; distinctive, so a leak is easy to find in captured output. */
  public static final String TOKEN = "ghp_releasekitTEST0123456789abcdefTOKEN";
  /** An installation token, as GitHub Actions' {@code GITHUB_TOKEN} and GitHub Apps' tokens are ({@code ghs_}). */
  public static final String INSTALLATION_TOKEN = "ghs_releasekitTEST0123456789abcdefINSTALL";

  /** What to do to one request instead of (or after) answering it. */
  public enum Fault {
    /** 502 before anything happens. */
    BAD_GATEWAY,
    /** The request takes effect, then the answer is a 502: the client cannot know it worked. */
    BAD_GATEWAY_AFTER_EFFECT,
    /** The connection is reset before anything happens. */
    RESET,
    /** The request takes effect, then the connection is reset. */
    RESET_AFTER_EFFECT,
    /** 403 with {@code x-ratelimit-remaining: 0} and a reset two minutes ahead on the stub's clock. */
    PRIMARY_RATE_LIMIT,
    /** 429 with {@code retry-after: 30}. */
    SECONDARY_RETRY_AFTER,
    /** 403 with only the documented secondary-limit message. */
    SECONDARY_MESSAGE,
    /**
     * What GitHub really sends for the secondary limit on most endpoints: 403 with {@code retry-after: 60} and the
     * older "abuse detection" message.
     */
    SECONDARY_ABUSE_DETECTION,
    /** Answers normally, but says the primary limit is used up ({@code x-ratelimit-remaining: 0}) for 60 seconds. */
    LAST_BEFORE_RATE_LIMIT,
    /** Answers normally after a real delay of one second, longer than a test client's read timeout. */
    SLOW;

    boolean afterEffect() {
      return this == BAD_GATEWAY_AFTER_EFFECT || this == RESET_AFTER_EFFECT || this == LAST_BEFORE_RATE_LIMIT
          || this == SLOW;
    }

    boolean replacesAnswer() {
      return this != LAST_BEFORE_RATE_LIMIT && this != SLOW;
    }
  }

  /** One request the stub received. {@code status} is 0 when the connection was dropped. */
  public record Recorded(int index, String method, String path, String query, String body, int status,
      Fault fault, boolean authorized) {

    /** Anything but a GET or a GraphQL query. */
    public boolean isWrite() {
      return !method.equals("GET") && !(method.equals("POST") && path.endsWith("/graphql"));
    }

    @Override
    public String toString() {
      return "#" + index + " " + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
          + (fault == null ? "" : " (" + fault + ")");
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern ALIAS = Pattern.compile("(\\w+)\\s*:\\s*pullRequest\\(\\s*number\\s*:\\s*(\\d+)\\s*\\)");

  private final String owner;
  private final String repo;
  private final String token;
  private final FakeTime time;
  private final WireMockServer server;
  private final ApiValidator validator = new ApiValidator();
  private final SchemaSkeleton skeleton = SchemaSkeleton.fromResource(ApiValidator.SUBSET);
  private final SchemaSkeleton supplement = SchemaSkeleton.fromResource(ApiValidator.SUPPLEMENT);
  private StubGit git;
  /** GitHub's id of the repository: list links and redirects point at {@code /repositories/{id}/...}. */
  static final long REPOSITORY_ID = 1296269;
  private final Set<String> formerNames = new LinkedHashSet<>();

  // state
  private int nextNumber = 1;
  private int nextMilestone = 1;
  private long nextId = 1000;
  final Map<Integer, StubItem> items = new TreeMap<>();
  final Map<Integer, StubMilestone> milestones = new TreeMap<>();
  final Map<String, String> labels = new LinkedHashMap<>();
  final Map<Long, StubRelease> releases = new LinkedHashMap<>();
  final Map<String, StubUser> users = new LinkedHashMap<>();
  /** The organisation's other repositories, by {@code owner/name} in lower case. */
  private final Map<String, StubRepository> repositories = new LinkedHashMap<>();
  /** Commit emails that map to an account besides each user's own email. */
  private final Map<String, String> loginByEmail = new LinkedHashMap<>();
  private final Set<String> silentlyCreated = new LinkedHashSet<>();
  private final Set<String> deniedWrites = new LinkedHashSet<>();
  private boolean echoCredentials;
  private String scopes;
  private String role = "write";
  private String defaultWorkflowPermissions = "read";
  private boolean actionsMayOpenPullRequests;
  private boolean actionsSettingsReadable;

  // requests and faults
  private final List<Recorded> requests = new ArrayList<>();
  private final List<String> validationErrors = new ArrayList<>();
  private final Map<Integer, Fault> faultsAt = new TreeMap<>();
  private final List<RouteFault> routeFaults = new ArrayList<>();
  private final Map<String, Integer> creations = new TreeMap<>();

  private record RouteFault(String method, Pattern path, Fault fault) {}

  /** A user of the stub's GitHub. */
  public record StubUser(String login, String name, String email, long id) {}

  /** A contributor's commits to one of the organisation's repositories; {@code login} is null when anonymous. */
  public record StubContribution(String login, String name, String email, int commits) {}

  /** Another repository of the organisation: what credits read. */
  public record StubRepository(String fullName, long id, boolean isPrivate, List<StubContribution> contributors) {}

  /** Seeds another repository of the organisation with its contributors, in GitHub's order (most commits first). */
  public final class RepositorySeed {
    private final String fullName;
    private boolean isPrivate;
    private final List<StubContribution> contributors = new ArrayList<>();

    private RepositorySeed(String fullName) {
      this.fullName = fullName;
    }

    public RepositorySeed privately() {
      isPrivate = true;
      return this;
    }

    /** {@code commits} by the account {@code login} (a bot's login ends in {@code [bot]}). */
    public RepositorySeed contributor(String login, int commits) {
      contributors.add(new StubContribution(login, null, null, commits));
      return this;
    }

    /** {@code commits} by an email GitHub did not link to an account when it counted them. */
    public RepositorySeed anonymous(String name, String email, int commits) {
      contributors.add(new StubContribution(null, name, email, commits));
      return this;
    }

    /** Creates it, or replaces the one of the same name. */
    public void create() {
      synchronized (GitHubStub.this) {
        List<StubContribution> sorted = new ArrayList<>(contributors);
        sorted.sort((a, b) -> Integer.compare(b.commits(), a.commits()));
        repositories.put(fullName.toLowerCase(Locale.ROOT), new StubRepository(fullName, nextId++, isPrivate,
            List.copyOf(sorted)));
      }
    }
  }

  /** A milestone's state. */
  public static final class StubMilestone {
    public final int number;
    public String title;
    public String state = "open";

    StubMilestone(int number, String title) {
      this.number = number;
      this.title = title;
    }
  }

  /** A release's state. */
  public static final class StubRelease {
    public final long id;
    public final String tag;
    public String name;
    public String body;
    public boolean draft;

    StubRelease(long id, String tag, String name, String body, boolean draft) {
      this.id = id;
      this.tag = tag;
      this.name = name;
      this.body = body;
      this.draft = draft;
    }
  }

  /** An issue or pull request's state. */
  public static final class StubItem {
    public final int number;
    public final boolean pull;
    public String title;
    public String body = "";
    public String state = "open";
    public String author = "octocat";
    public final Set<String> labels = new LinkedHashSet<>();
    public Integer milestone;
    public String head;
    public String base;
    public String headSha;
    public Instant mergedAt;
    public String mergeSha;
    public Instant createdAt;

    StubItem(int number, boolean pull, String title) {
      this.number = number;
      this.pull = pull;
      this.title = title;
    }

    public boolean merged() {
      return mergedAt != null;
    }
  }

  /** Seeds a pull request or an issue. */
  public final class ItemSeed {
    private final StubItem item;

    ItemSeed(boolean pull, String title) {
      item = new StubItem(0, pull, title);
      item.head = "feature-" + Math.abs(title.hashCode());
      item.base = "dev";
    }

    private ItemSeed(StubItem item) {
      this.item = item;
    }

    public ItemSeed number(int number) {
      StubItem copy = new StubItem(number, item.pull, item.title);
      copyInto(copy);
      return new ItemSeed(copy);
    }

    private void copyInto(StubItem copy) {
      copy.body = item.body;
      copy.state = item.state;
      copy.author = item.author;
      copy.labels.addAll(item.labels);
      copy.milestone = item.milestone;
      copy.head = item.head;
      copy.base = item.base;
      copy.mergedAt = item.mergedAt;
      copy.mergeSha = item.mergeSha;
    }

    public ItemSeed author(String login) {
      item.author = login;
      return this;
    }

    public ItemSeed body(String body) {
      item.body = body;
      return this;
    }

    public ItemSeed head(String head) {
      item.head = head;
      return this;
    }

    public ItemSeed base(String base) {
      item.base = base;
      return this;
    }

    public ItemSeed labels(String... names) {
      for (String name : names) {
        labels.putIfAbsent(name, "ededed");
        item.labels.add(name);
      }
      return this;
    }

    public ItemSeed milestone(String title) {
      item.milestone = milestones.values().stream().filter(m -> m.title.equals(title)).findFirst()
          .map(m -> m.number).orElseGet(() -> GitHubStub.this.milestone(title));
      return this;
    }

    public ItemSeed closed() {
      item.state = "closed";
      return this;
    }

    /** Merged (and closed) with this merge commit, an hour before the stub's clock. */
    public ItemSeed mergedAs(String sha) {
      return mergedAs(sha, time.instant().minus(Duration.ofHours(1)));
    }

    /** Merged (and closed) with this merge commit at {@code when}: cherry-picks follow merge order. */
    public ItemSeed mergedAs(String sha, Instant when) {
      item.state = "closed";
      item.mergedAt = when;
      item.mergeSha = sha;
      return this;
    }

    public int create() {
      synchronized (GitHubStub.this) {
        int number = item.number == 0 ? nextNumber : item.number;
        StubItem created = new StubItem(number, item.pull, item.title);
        copyInto(created);
        created.createdAt = time.instant();
        nextNumber = Math.max(nextNumber, number + 1);
        items.put(number, created);
        users.computeIfAbsent(created.author, login -> new StubUser(login, null, login + "@example.com", nextId++));
        return number;
      }
    }
  }

  private GitHubStub(String repository, String token, FakeTime time) {
    String[] parts = repository.split("/");
    this.owner = parts[0];
    this.repo = parts[1];
    this.token = token;
    this.time = time;
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new Transformer()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Transformer.NAME)));
  }

  public static GitHubStub start(String repository) {
    return new GitHubStub(repository, TOKEN, FakeTime.at("2026-11-21T08:00:00Z"));
  }

  /**
   * A stub that accepts {@code token} instead of {@link #TOKEN}, such as {@link #INSTALLATION_TOKEN}: as GitHub does
   * for an installation token, its repository answer then carries no {@code permissions}, and the repository's
   * Actions settings answer 403 (they take administration: read, which {@code GITHUB_TOKEN} never has).
   */
  public static GitHubStub startWithToken(String repository, String token) {
    return new GitHubStub(repository, token, FakeTime.at("2026-11-21T08:00:00Z"));
  }

  public static GitHubStub start(String repository, FakeTime time) {
    return new GitHubStub(repository, TOKEN, time);
  }

  /** Shares a bare repository: merges make real merge commits there; refs, compare and contributors read it. */
  public GitHubStub withOrigin(Path bareRepository) {
    this.git = new StubGit(bareRepository);
    return this;
  }

  /** The API base URL, such as {@code http://127.0.0.1:53124}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public String repository() {
    return owner + "/" + repo;
  }

  public FakeTime time() {
    return time;
  }

  /** A builder wired to this stub: its URL, token, repository, clock and sleeper, and short timeouts. */
  public GitHub.Builder client() {
    return GitHub.builder()
        .baseUrl(baseUrl())
        .token(Secret.of(token))
        .repository(repository())
        .client(new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build())
        .clock(time)
        .sleeper(time);
  }

  @Override
  public void close() {
    server.stop();
    if (git != null) {
      git.close();
    }
  }

  // ------------------------------------------------------------------ seeding

  public synchronized int milestone(String title) {
    StubMilestone milestone = new StubMilestone(nextMilestone++, title);
    milestones.put(milestone.number, milestone);
    return milestone.number;
  }

  public ItemSeed pull(String title) {
    return new ItemSeed(true, title);
  }

  public ItemSeed issue(String title) {
    return new ItemSeed(false, title);
  }

  public synchronized void label(String... names) {
    for (String name : names) {
      labels.putIfAbsent(name, "ededed");
    }
  }

  public synchronized void user(String login, String name, String email) {
    users.put(login, new StubUser(login, name, email, nextId++));
  }

  /** Another repository of the organisation, {@code owner/name}; finish with {@link RepositorySeed#create()}. */
  public RepositorySeed organisationRepository(String fullName) {
    return new RepositorySeed(fullName);
  }

  /** Links commits by {@code email} to the account {@code login}, as a user adding an email to their account does. */
  public synchronized void email(String login, String email) {
    loginByEmail.put(email.toLowerCase(Locale.ROOT), login);
  }

  public synchronized long release(String tag, String name, String body, boolean draft) {
    long id = nextId++;
    releases.put(id, new StubRelease(id, tag, name, body, draft));
    return id;
  }

  /** Puts an issue or pull request in the milestone titled {@code title}, creating the milestone when needed. */
  public synchronized void setMilestone(int number, String title) {
    int milestone = milestoneNamed(title).map(m -> m.number).orElseGet(() -> milestone(title));
    items.get(number).milestone = milestone;
  }

  /** Says who opened an issue or pull request (the stub opens them as {@code releasekit-bot}). */
  public synchronized void setAuthor(int number, String login) {
    items.get(number).author = login;
    users.computeIfAbsent(login, l -> new StubUser(l, null, l + "@example.com", nextId++));
  }

  /**
   * Says the repository was renamed from {@code formerName} ({@code owner/name}): as on GitHub, requests to the old
   * name answer {@code 301 Moved Permanently} (reads) or {@code 307 Temporary Redirect} (writes), pointing at
   * {@code /repositories/{id}/...}, which a client must follow.
   */
  public synchronized GitHubStub renamedFrom(String formerName) {
    formerNames.add(formerName.toLowerCase(Locale.ROOT));
    return this;
  }

  /** Merges an open pull request at {@code when}, as the merge button would have then. */
  public synchronized void mergeAt(int number, Instant when) {
    Answer answer = merge(items.get(number), when);
    if (answer.status() != 200) {
      throw new IllegalStateException("#" + number + " cannot be merged: " + answer.body());
    }
  }

  /** This stub behind core's {@link Seeding}, for scenarios written once for every hosting. */
  public Seeding seeding() {
    return new StubSeeding(this);
  }

  /** Answers as for a classic token with these scopes: {@code X-OAuth-Scopes} on every answer, such as {@code repo}. */
  public synchronized GitHubStub scopes(String scopes) {
    this.scopes = scopes;
    return this;
  }

  /**
   * The role of the token's user in the repository, as the repository answer's {@code permissions} tell it:
   * {@code read}, {@code triage}, {@code write} (the default), {@code maintain} or {@code admin}.
   */
  public synchronized GitHubStub role(String role) {
    this.role = role;
    return this;
  }

  /**
   * The repository's Actions settings: the default permissions of {@code GITHUB_TOKEN} ({@code read}, GitHub's
   * default for new repositories, or {@code write}) and whether Actions may create and approve pull requests (off
   * by default). The token may read them, even an installation token: a GitHub App's with administration: read.
   */
  public synchronized GitHubStub actionsSettings(String defaultPermissions, boolean mayOpenPullRequests) {
    this.defaultWorkflowPermissions = defaultPermissions;
    this.actionsMayOpenPullRequests = mayOpenPullRequests;
    this.actionsSettingsReadable = true;
    return this;
  }

  /** Answers every write with 403 and {@code x-accepted-github-permissions: <permission>}. */
  public synchronized void denyWrites(String permission) {
    deniedWrites.add(permission);
  }

  /** Makes error answers quote the Authorization header, as a careless proxy might; the client must redact. */
  public synchronized void echoCredentialsInErrors() {
    echoCredentials = true;
  }

  // ------------------------------------------------------------------ faults

  /** Applies {@code fault} to the request at {@code index} (0 is the first request this stub receives). */
  public synchronized void faultAt(int index, Fault fault) {
    faultsAt.put(index, fault);
  }

  /** Applies {@code fault} once, to the next request with this method whose path matches {@code pathRegex}. */
  public synchronized void faultOn(String method, String pathRegex, Fault fault) {
    routeFaults.add(new RouteFault(method, Pattern.compile(pathRegex), fault));
  }

  // ------------------------------------------------------------------ inspection

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Recorded> writes() {
    return requests.stream().filter(Recorded::isWrite).collect(Collectors.toList());
  }

  public synchronized long count(String method, String pathRegex) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex)).count();
  }

  public synchronized List<String> validationErrors() {
    return List.copyOf(validationErrors);
  }

  /** How many objects of each kind POSTs created ({@code pull}, {@code release}, {@code label}). */
  public synchronized Map<String, Integer> creations() {
    return Map.copyOf(creations);
  }

  public synchronized Set<String> silentlyCreatedLabels() {
    return Set.copyOf(silentlyCreated);
  }

  public synchronized Optional<StubItem> item(int number) {
    return Optional.ofNullable(items.get(number));
  }

  public synchronized List<StubItem> pulls() {
    return items.values().stream().filter(i -> i.pull).collect(Collectors.toList());
  }

  public synchronized Optional<StubMilestone> milestoneNamed(String title) {
    return milestones.values().stream().filter(m -> m.title.equals(title)).findFirst();
  }

  public synchronized List<StubRelease> releases() {
    return List.copyOf(releases.values());
  }

  public synchronized Set<String> labelNames() {
    return Set.copyOf(labels.keySet());
  }

  // ------------------------------------------------------------------ serving

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "releasekit-github-stub";

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      return serve(event);
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  private synchronized ResponseDefinition serve(ServeEvent event) {
    com.github.tomakehurst.wiremock.http.Request request = event.getRequest();
    String method = request.getMethod().getName();
    URI sent = URI.create(request.getUrl());
    String path = sent.getRawPath();
    URI uri = canonical(sent);
    String body = request.getBodyAsString();
    int index = requests.size();
    Fault fault = faultsAt.remove(index);
    if (fault == null) {
      for (RouteFault candidate : routeFaults) {
        if (candidate.method().equals(method) && candidate.path().matcher(path).matches()) {
          fault = candidate.fault();
          routeFaults.remove(candidate);
          break;
        }
      }
    }
    boolean authorized = ("Bearer " + token).equals(request.getHeader("Authorization"));
    Answer answer;
    Answer redirect = authorized ? redirect(method, uri) : null;
    if (redirect != null) {
      answer = redirect;
      if (fault != null) {
        faultsAt.put(index + 1, fault);
        fault = null;
      }
    } else if (fault != null && !fault.afterEffect()) {
      answer = faultAnswer(fault);
    } else {
      try {
        answer = authorized ? route(method, uri, body, request) : unauthorized(request);
      } catch (RuntimeException e) {
        validationErrors.add(method + " " + path + ": the stub failed: " + e);
        answer = error(500, "stub failure: " + e.getMessage());
      }
      if (fault != null && fault.replacesAnswer()) {
        answer = faultAnswer(fault);
      } else if (fault == Fault.LAST_BEFORE_RATE_LIMIT) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("x-ratelimit-remaining", "0");
        headers.put("x-ratelimit-reset", Long.toString(time.instant().plusSeconds(60).getEpochSecond()));
        answer = new Answer(answer.status(), headers, answer.body());
      }
    }
    boolean dropped = fault == Fault.RESET || fault == Fault.RESET_AFTER_EFFECT;
    Map<String, String> headers = new LinkedHashMap<>(answer.headers());
    String responseBody = answer.body();
    int status = answer.status();
    if ("GET".equals(method) && status == 200 && (fault == null || !fault.replacesAnswer())) {
      String etag = "W/\"" + sha1(responseBody) + "\"";
      headers.put("ETag", etag);
      if (etag.equals(request.getHeader("If-None-Match"))) {
        status = 304;
        responseBody = "";
        headers.remove("Content-Type");
      }
    }
    requests.add(new Recorded(index, method, path, uri.getRawQuery(), body, dropped ? 0 : status, fault,
        authorized));
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      requestHeaders.put(header.key(), header.values());
    }
    Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    headers.forEach((name, value) -> responseHeaders.put(name, List.of(value)));
    validationErrors.addAll(validator.validate(method, uri.toString(), requestHeaders, body,
        dropped ? 0 : status, responseHeaders, responseBody));
    checkPinnedHeaders(request, method, path);
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
    if (dropped) {
      return response.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
    }
    headers.forEach(response::withHeader);
    if (fault == Fault.SLOW) {
      response.withFixedDelay(1000);
    }
    if (!responseBody.isEmpty()) {
      response.withBody(responseBody);
    }
    return response.build();
  }

  /** {@code /repositories/{id}/rest} is {@code /repos/{owner}/{repo}/rest}, as on GitHub. */
  private URI canonical(URI uri) {
    Matcher byId = Pattern.compile("^/repositories/(\\d+)(/.*)?$").matcher(uri.getRawPath());
    if (!byId.matches() || Long.parseLong(byId.group(1)) != REPOSITORY_ID) {
      return uri;
    }
    String rest = byId.group(2) == null ? "" : byId.group(2);
    return URI.create("/repos/" + owner + "/" + repo + rest + (uri.getRawQuery() == null ? "" : "?"
        + uri.getRawQuery()));
  }

  /** A request to a former name: 301 for a GET, 307 for anything else, to the same path under the id. */
  private Answer redirect(String method, URI uri) {
    Matcher repoPath = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$").matcher(uri.getRawPath());
    if (!repoPath.matches() || !formerNames.contains((repoPath.group(1) + "/" + repoPath.group(2))
        .toLowerCase(Locale.ROOT))) {
      return null;
    }
    String location = baseUrl() + "/repositories/" + REPOSITORY_ID + (repoPath.group(3) == null ? ""
        : repoPath.group(3)) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> headers = baseHeaders();
    headers.put("Location", location);
    boolean read = method.equals("GET");
    ObjectNode moved = NODES.objectNode();
    moved.put("message", read ? "Moved Permanently" : "Temporary Redirect");
    moved.put("url", location);
    moved.put("documentation_url", "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api"
        + "#follow-redirects");
    return new Answer(read ? 301 : 307, headers, moved.toString());
  }

  private void checkPinnedHeaders(com.github.tomakehurst.wiremock.http.Request request, String method, String path) {
    if (!"2022-11-28".equals(request.getHeader("X-GitHub-Api-Version"))) {
      validationErrors.add(method + " " + path + ": X-GitHub-Api-Version is not pinned to 2022-11-28");
    }
    if (!"application/vnd.github+json".equals(request.getHeader("Accept"))) {
      validationErrors.add(method + " " + path + ": Accept is not application/vnd.github+json");
    }
  }

  private Answer faultAnswer(Fault fault) {
    Map<String, String> headers = baseHeaders();
    switch (fault) {
      case PRIMARY_RATE_LIMIT:
        headers.put("x-ratelimit-remaining", "0");
        headers.put("x-ratelimit-reset", Long.toString(time.instant().plusSeconds(120).getEpochSecond()));
        return new Answer(403, headers, errorBody("API rate limit exceeded for user ID 1. If you reach out to "
            + "GitHub Support for help, please include the request ID."));
      case SECONDARY_RETRY_AFTER:
        headers.put("retry-after", "30");
        return new Answer(429, headers, errorBody("You have exceeded a secondary rate limit. Please wait a few "
            + "minutes before you try again."));
      case SECONDARY_ABUSE_DETECTION:
        headers.put("retry-after", "60");
        return new Answer(403, headers, errorBody("You have triggered an abuse detection mechanism. Please wait a "
            + "few minutes before you try again."));
      case SECONDARY_MESSAGE:
        return new Answer(403, headers, errorBody("You have exceeded a secondary rate limit. Please wait a few "
            + "minutes before you try again. If you reach out to GitHub Support for help, please include the "
            + "request ID."));
      default:
        return new Answer(502, headers, errorBody("Server Error"));
    }
  }

  private Map<String, String> baseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("x-github-request-id", "STUB:" + requests.size());
    headers.put("x-ratelimit-limit", "5000");
    headers.put("x-ratelimit-remaining", "4999");
    headers.put("x-ratelimit-reset", Long.toString(time.instant().plusSeconds(3600).getEpochSecond()));
    if (scopes != null) {
      headers.put("x-oauth-scopes", scopes);
    }
    return headers;
  }

  private Answer unauthorized(com.github.tomakehurst.wiremock.http.Request request) {
    String message = "Bad credentials";
    if (echoCredentials) {
      message += " (received " + request.getHeader("Authorization") + ")";
    }
    return new Answer(401, baseHeaders(), errorBody(message));
  }

  private String errorBody(String message) {
    ObjectNode error = NODES.objectNode();
    error.put("message", message);
    error.put("documentation_url", "https://docs.github.com/rest");
    return error.toString();
  }

  private Answer error(int status, String message) {
    return new Answer(status, baseHeaders(), errorBody(message));
  }

  private Answer validationFailed(String resource, String field, String code, String message) {
    ObjectNode error = NODES.objectNode();
    error.put("message", "Validation Failed");
    ObjectNode detail = error.putArray("errors").addObject();
    detail.put("resource", resource);
    if (field != null) {
      detail.put("field", field);
    }
    detail.put("code", code);
    if (message != null) {
      detail.put("message", message);
    }
    error.put("documentation_url", "https://docs.github.com/rest");
    return new Answer(422, baseHeaders(), error.toString());
  }

  private Answer json(int status, JsonNode body) {
    return new Answer(status, baseHeaders(), body.toString());
  }

  // ------------------------------------------------------------------ routes

  private Answer route(String method, URI uri, String body,
      com.github.tomakehurst.wiremock.http.Request request) {
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    if (path.equals("/graphql") && method.equals("POST")) {
      return graphQl(body);
    }
    Matcher user = Pattern.compile("^/users/([^/]+)$").matcher(path);
    if (user.matches() && method.equals("GET")) {
      StubUser found = users.get(decode(user.group(1)));
      return found == null ? error(404, "Not Found") : json(200, userJson(found, true));
    }
    if (path.equals("/search/issues") && method.equals("GET")) {
      return search(uri, query);
    }
    Matcher orgRepos = Pattern.compile("^/orgs/([^/]+)/repos$").matcher(path);
    if (orgRepos.matches() && method.equals("GET")) {
      return organisationRepositories(uri, query, decode(orgRepos.group(1)));
    }
    Matcher repoPath = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$").matcher(path);
    if (!repoPath.matches()) {
      validationErrors.add(method + " " + path + ": no such route in the stub");
      return error(404, "Not Found");
    }
    StubRepository seeded = repositories.get((decode(repoPath.group(1)) + "/" + decode(repoPath.group(2)))
        .toLowerCase(Locale.ROOT));
    boolean own = repoPath.group(1).equalsIgnoreCase(owner) && repoPath.group(2).equalsIgnoreCase(repo);
    String seededRest = repoPath.group(3) == null ? "" : repoPath.group(3);
    // The own repository seeded as one of the organisation's answers contributors and commits by author from the
    // seed; everything else of it comes from the stub's state and git.
    if (seeded != null && (!own || method.equals("GET") && (seededRest.equals("/contributors")
        || seededRest.equals("/commits") && query.containsKey("author")))) {
      return otherRepository(method, uri, query, seeded, seededRest);
    }
    if (!own) {
      return error(404, "Not Found");
    }
    String rest = repoPath.group(3) == null ? "" : repoPath.group(3);
    if (!method.equals("GET") && !deniedWrites.isEmpty()) {
      Map<String, String> headers = baseHeaders();
      headers.put("x-accepted-github-permissions", String.join(",", deniedWrites));
      return new Answer(403, headers, errorBody("Resource not accessible by personal access token"));
    }
    JsonNode input = body == null || body.isBlank() ? NODES.objectNode() : readJson(body);
    String key = method + " " + rest.replaceAll("/\\d+", "/N");
    switch (key) {
      case "GET ":
        return json(200, repositoryJson());
      case "GET /actions/permissions/workflow":
        return actionsSettings();
      case "GET /pulls":
        return page(uri, query, items.values().stream().filter(i -> i.pull)
            .filter(i -> matchesState(i, query.getOrDefault("state", "open")))
            .filter(i -> !query.containsKey("head") || query.get("head").equals(owner + ":" + i.head)
                || query.get("head").equals(i.head))
            .filter(i -> !query.containsKey("base") || query.get("base").equals(i.base))
            .sorted((a, b) -> Integer.compare(b.number, a.number))
            .map(i -> pullJson(i, "pull-request-simple")).collect(Collectors.toList()));
      case "POST /pulls":
        return createPull(input);
      case "GET /pulls/N":
        return pullOr404(rest, i -> json(200, pullJson(i, "pull-request")));
      case "PATCH /pulls/N":
        return pullOr404(rest, i -> {
          if (input.has("title")) {
            i.title = input.get("title").asText();
          }
          if (input.has("body")) {
            i.body = input.get("body").asText();
          }
          return json(200, pullJson(i, "pull-request"));
        });
      case "PUT /pulls/N/merge":
        return pullOr404(rest, i -> merge(i, input));
      case "GET /issues":
        return page(uri, query, items.values().stream()
            .filter(i -> !query.containsKey("milestone") || String.valueOf(i.milestone).equals(query.get("milestone")))
            .filter(i -> matchesState(i, query.getOrDefault("state", "open")))
            .map(this::issueJson).collect(Collectors.toList()));
      case "GET /milestones":
        return page(uri, query, milestones.values().stream()
            .filter(m -> "all".equals(query.getOrDefault("state", "open"))
                || m.state.equals(query.getOrDefault("state", "open")))
            .map(this::milestoneJson).collect(Collectors.toList()));
      case "PATCH /milestones/N": {
        StubMilestone milestone = milestones.get(number(rest, 1));
        if (milestone == null) {
          return error(404, "Not Found");
        }
        if (input.has("state")) {
          milestone.state = input.get("state").asText();
        }
        if (input.has("title")) {
          milestone.title = input.get("title").asText();
        }
        return json(200, milestoneJson(milestone));
      }
      case "GET /labels":
        return page(uri, query, labels.keySet().stream().map(this::labelJson).collect(Collectors.toList()));
      case "POST /labels": {
        String name = input.path("name").asText();
        // GitHub compares label names without regard to case: 'Bug' is taken by 'bug'.
        if (labels.keySet().stream().anyMatch(l -> l.equalsIgnoreCase(name))) {
          return validationFailed("Label", "name", "already_exists", null);
        }
        labels.put(name, input.path("color").asText("ededed"));
        creations.merge("label", 1, Integer::sum);
        return json(201, labelJson(name));
      }
      case "GET /issues/N/labels": {
        StubItem item = items.get(number(rest, 1));
        return item == null ? error(404, "Not Found")
            : page(uri, query, item.labels.stream().map(this::labelJson).collect(Collectors.toList()));
      }
      case "POST /issues/N/labels": {
        StubItem item = items.get(number(rest, 1));
        if (item == null) {
          return error(404, "Not Found");
        }
        for (JsonNode label : input.path("labels")) {
          String name = label.isTextual() ? label.asText() : label.path("name").asText();
          if (!labels.containsKey(name)) {
            labels.put(name, "ededed");
            silentlyCreated.add(name);
          }
          item.labels.add(name);
        }
        ArrayNode all = NODES.arrayNode();
        item.labels.forEach(name -> all.add(labelJson(name)));
        return json(200, all);
      }
      case "GET /releases":
        return page(uri, query, releases.values().stream()
            .sorted((a, b) -> Long.compare(b.id, a.id)).map(this::releaseJson).collect(Collectors.toList()));
      case "POST /releases": {
        String tag = input.path("tag_name").asText();
        if (releases.values().stream().anyMatch(r -> r.tag.equals(tag))) {
          return validationFailed("Release", "tag_name", "already_exists", null);
        }
        StubRelease release = new StubRelease(nextId++, tag, input.path("name").asText(tag),
            input.path("body").asText(""), input.path("draft").asBoolean(false));
        releases.put(release.id, release);
        creations.merge("release", 1, Integer::sum);
        return json(201, releaseJson(release));
      }
      case "PATCH /releases/N": {
        StubRelease release = releases.get((long) number(rest, 1));
        if (release == null) {
          return error(404, "Not Found");
        }
        if (input.has("body")) {
          release.body = input.get("body").asText();
        }
        if (input.has("name")) {
          release.name = input.get("name").asText();
        }
        if (input.has("draft")) {
          release.draft = input.get("draft").asBoolean();
        }
        return json(200, releaseJson(release));
      }
      case "GET /contributors":
        return page(uri, query, contributors());
      case "GET /commits":
        return page(uri, query, commits(query.get("author")));
      default:
        break;
    }
    if (method.equals("GET") && rest.startsWith("/releases/tags/")) {
      String tag = decode(rest.substring("/releases/tags/".length()));
      return releases.values().stream().filter(r -> r.tag.equals(tag) && !r.draft).findFirst()
          .map(r -> json(200, releaseJson(r))).orElseGet(() -> error(404, "Not Found"));
    }
    if (method.equals("GET") && rest.startsWith("/git/ref/")) {
      String ref = "refs/" + decode(rest.substring("/git/ref/".length()));
      Optional<String> sha = git == null ? Optional.empty() : git.resolve(ref);
      if (sha.isEmpty()) {
        return error(404, "Not Found");
      }
      ObjectNode node = skeleton.of("git-ref");
      node.put("ref", ref);
      node.put("url", baseUrl() + "/repos/" + owner + "/" + repo + "/git/" + ref);
      ObjectNode object = node.putObject("object");
      object.put("type", "commit");
      object.put("sha", sha.get());
      object.put("url", baseUrl() + "/repos/" + owner + "/" + repo + "/git/commits/" + sha.get());
      return json(200, node);
    }
    if (method.equals("GET") && rest.startsWith("/compare/")) {
      return compare(uri, query, decode(rest.substring("/compare/".length())));
    }
    validationErrors.add(method + " " + path + ": no such route in the stub");
    return error(404, "Not Found");
  }

  private static boolean matchesState(StubItem item, String state) {
    return "all".equals(state) || item.state.equals(state);
  }

  private Answer pullOr404(String rest, java.util.function.Function<StubItem, Answer> action) {
    StubItem item = items.get(number(rest, 1));
    if (item == null || !item.pull) {
      return error(404, "Not Found");
    }
    return action.apply(item);
  }

  private Answer createPull(JsonNode input) {
    String head = input.path("head").asText();
    String branch = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
    String base = input.path("base").asText();
    if (git != null) {
      Optional<String> headSha = git.resolve("refs/heads/" + branch);
      Optional<String> baseSha = git.resolve("refs/heads/" + base);
      if (headSha.isEmpty()) {
        return validationFailed("PullRequest", "head", "invalid", null);
      }
      if (baseSha.isEmpty()) {
        return validationFailed("PullRequest", "base", "invalid", null);
      }
      if (git.isAncestor(headSha.get(), baseSha.get())) {
        return validationFailed("PullRequest", "head", "custom", "No commits between " + base + " and " + branch);
      }
    }
    for (StubItem item : items.values()) {
      if (item.pull && item.state.equals("open") && item.head.equals(branch) && item.base.equals(base)) {
        // As GitHub answers it: a custom error with a message and no field.
        return validationFailed("PullRequest", null, "custom",
            "A pull request already exists for " + owner + ":" + branch + ".");
      }
    }
    StubItem pull = new StubItem(nextNumber++, true, input.path("title").asText());
    pull.body = input.path("body").asText("");
    pull.head = branch;
    pull.base = base;
    pull.author = "releasekit-bot";
    pull.createdAt = time.instant();
    pull.headSha = git == null ? sha1("head" + pull.number) : git.resolve("refs/heads/" + branch).orElseThrow();
    items.put(pull.number, pull);
    creations.merge("pull", 1, Integer::sum);
    return json(201, pullJson(pull, "pull-request"));
  }

  private Answer merge(StubItem pull, JsonNode input) {
    if (!"merge".equals(input.path("merge_method").asText("merge"))) {
      validationErrors.add("merge of #" + pull.number + " asked for " + input.path("merge_method").asText());
    }
    return merge(pull, time.instant());
  }

  /** Merges as the merge button does: a merge commit on the base (in git, with an origin) made at {@code when}. */
  private Answer merge(StubItem pull, Instant when) {
    if (pull.merged() || !pull.state.equals("open")) {
      return error(405, "Pull Request is not mergeable");
    }
    String sha;
    if (git != null) {
      Optional<String> merged = git.merge(pull.base, pull.head, "Merge pull request #" + pull.number + " from "
          + owner + "/" + pull.head + "\n\n" + pull.title + "\n", when);
      if (merged.isEmpty()) {
        return error(405, "Pull Request is not mergeable");
      }
      sha = merged.get();
    } else {
      sha = sha1("merge" + pull.number);
    }
    pull.mergedAt = when;
    pull.mergeSha = sha;
    pull.state = "closed";
    ObjectNode result = skeleton.of("pull-request-merge-result");
    result.put("sha", sha);
    result.put("merged", true);
    result.put("message", "Pull Request successfully merged");
    return json(200, result);
  }

  private Answer graphQl(String body) {
    JsonNode request = readJson(body);
    String text = request.path("query").asText();
    ObjectNode answer = NODES.objectNode();
    ArrayNode errors = NODES.arrayNode();
    if (!text.strip().startsWith("query")) {
      validationErrors.add("POST /graphql: only queries are expected, got " + text);
    }
    String stripped = ALIAS.matcher(text).replaceAll("");
    if (!stripped.matches("(?s)\\s*query\\(\\$owner: String!, \\$name: String!\\) \\{\\s*repository\\(owner: "
        + "\\$owner, name: \\$name\\) \\{(\\s*\\{ \\.\\.\\.pr \\})*\\s*}\\s*}\\s*fragment pr on PullRequest \\{ "
        + "[^{}]*(\\{[^{}]*(\\{[^{}]*})?[^{}]*}[^{}]*)* }\\s*")) {
      validationErrors.add("POST /graphql: the stub does not understand this query: " + text);
    }
    JsonNode variables = request.path("variables");
    ObjectNode data = answer.putObject("data");
    if (!variables.path("owner").asText().equalsIgnoreCase(owner)
        || !variables.path("name").asText().equalsIgnoreCase(repo)) {
      data.putNull("repository");
      ObjectNode error = errors.addObject();
      error.put("type", "NOT_FOUND");
      error.putArray("path").add("repository");
      error.put("message", "Could not resolve to a Repository with the name '" + variables.path("owner").asText()
          + "/" + variables.path("name").asText() + "'.");
    } else {
      ObjectNode repository = data.putObject("repository");
      Matcher alias = ALIAS.matcher(text);
      while (alias.find()) {
        int number = Integer.parseInt(alias.group(2));
        StubItem item = items.get(number);
        if (item == null || !item.pull) {
          repository.putNull(alias.group(1));
          ObjectNode error = errors.addObject();
          error.put("type", "NOT_FOUND");
          error.putArray("path").add("repository").add(alias.group(1));
          error.put("message", "Could not resolve to a PullRequest with the number of " + number + ".");
          continue;
        }
        ObjectNode node = repository.putObject(alias.group(1));
        node.put("number", item.number);
        node.put("title", item.title);
        node.put("body", item.body);
        node.put("url", htmlUrl("pull", item.number));
        node.put("state", item.merged() ? "MERGED" : item.state.toUpperCase(Locale.ROOT));
        if (item.merged()) {
          node.put("mergedAt", item.mergedAt.toString());
          node.putObject("mergeCommit").put("oid", item.mergeSha);
        } else {
          node.putNull("mergedAt");
          node.putNull("mergeCommit");
        }
        node.put("headRefName", item.head);
        node.put("baseRefName", item.base);
        node.putObject("author").put("login", item.author);
        ArrayNode labelNodes = node.putObject("labels").putArray("nodes");
        item.labels.forEach(name -> labelNodes.addObject().put("name", name));
        if (item.milestone == null) {
          node.putNull("milestone");
        } else {
          node.putObject("milestone").put("title", milestones.get(item.milestone).title);
        }
      }
    }
    if (!errors.isEmpty()) {
      answer.set("errors", errors);
    }
    return json(200, answer);
  }

  private Answer search(URI uri, Map<String, String> query) {
    String q = query.getOrDefault("q", "");
    List<String> terms = new ArrayList<>();
    Matcher term = Pattern.compile("(\\w+:)?(\"[^\"]*\"|\\S+)").matcher(q);
    while (term.find()) {
      terms.add(term.group());
    }
    List<JsonNode> found = new ArrayList<>();
    for (StubItem item : items.values()) {
      boolean match = true;
      for (String t : terms) {
        String value = t.contains(":") ? t.substring(t.indexOf(':') + 1).replace("\"", "") : t;
        if (t.startsWith("repo:")) {
          match &= value.equalsIgnoreCase(owner + "/" + repo);
        } else if (t.equals("is:pr") || t.equals("type:pr")) {
          match &= item.pull;
        } else if (t.equals("is:issue") || t.equals("type:issue")) {
          match &= !item.pull;
        } else if (t.startsWith("label:")) {
          match &= item.labels.contains(value);
        } else if (t.startsWith("milestone:")) {
          match &= item.milestone != null && milestones.get(item.milestone).title.equals(value);
        } else if (t.startsWith("is:") || t.startsWith("state:")) {
          match &= item.state.equals(value) || (value.equals("merged") && item.merged());
        } else if (t.startsWith("author:")) {
          match &= item.author.equals(value);
        } else {
          match &= item.title.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
        }
      }
      if (match) {
        ObjectNode node = skeleton.of("issue-search-result-item");
        fillIssue(node, item);
        node.put("score", 1.0);
        found.add(node);
      }
    }
    Answer page = page(uri, query, found);
    ObjectNode result = NODES.objectNode();
    result.put("total_count", found.size());
    result.put("incomplete_results", false);
    result.put("search_type", "lexical");
    result.set("items", readJson(page.body()));
    return new Answer(200, page.headers(), result.toString());
  }

  private Answer compare(URI uri, Map<String, String> query, String basehead) {
    String[] parts = basehead.split("\\.\\.\\.", 2);
    if (git == null || parts.length != 2) {
      return error(404, "Not Found");
    }
    Optional<StubGit.Comparison> comparison = git.compare(parts[0], parts[1]);
    if (comparison.isEmpty()) {
      return error(404, "Not Found");
    }
    List<JsonNode> commits = comparison.get().commits().stream().map(this::commitJson).collect(Collectors.toList());
    Answer page = page(uri, query, commits);
    ObjectNode node = skeleton.of("commit-comparison");
    int ahead = comparison.get().commits().size();
    int behind = comparison.get().behindBy();
    node.put("status", ahead == 0 && behind == 0 ? "identical" : behind == 0 ? "ahead" : ahead == 0 ? "behind"
        : "diverged");
    node.put("ahead_by", ahead);
    node.put("behind_by", behind);
    node.put("total_commits", ahead);
    node.set("commits", readJson(page.body()));
    return new Answer(200, page.headers(), node.toString());
  }

  private Answer organisationRepositories(URI uri, Map<String, String> query, String organisation) {
    List<StubRepository> found = repositories.values().stream()
        .filter(r -> r.fullName().toLowerCase(Locale.ROOT).startsWith(organisation.toLowerCase(Locale.ROOT) + "/"))
        .toList();
    if (found.isEmpty() && !organisation.equalsIgnoreCase(owner)) {
      return error(404, "Not Found");
    }
    String type = query.getOrDefault("type", "all");
    return page(uri, query, found.stream().filter(r -> !"public".equals(type) || !r.isPrivate())
        .map(r -> (JsonNode) repositoryJson(r.fullName(), r.id(), r.isPrivate())).collect(Collectors.toList()));
  }

  /** Contributors and commits by author of another repository of the organisation; nothing else is served. */
  private Answer otherRepository(String method, URI uri, Map<String, String> query, StubRepository other,
      String rest) {
    if (method.equals("GET") && rest.equals("/contributors")) {
      boolean anon = query.containsKey("anon") && !query.get("anon").equals("0") && !query.get("anon").equals("false");
      return page(uri, query, other.contributors().stream().filter(c -> anon || c.login() != null)
          .map(c -> (JsonNode) contributionJson(c)).collect(Collectors.toList()));
    }
    if (method.equals("GET") && rest.equals("/commits") && query.containsKey("author")) {
      String author = query.get("author");
      List<JsonNode> commits = new ArrayList<>();
      for (StubContribution c : other.contributors()) {
        boolean byEmail = c.email() != null && c.email().equalsIgnoreCase(author);
        String login = c.login() != null ? c.login() : byEmail ? loginOfEmail(c.email()) : null;
        if (!byEmail && !author.equalsIgnoreCase(String.valueOf(c.login()))) {
          continue;
        }
        for (int i = 0; i < c.commits(); i++) {
          ObjectNode node = NODES.objectNode();
          node.put("sha", sha1(other.fullName() + author + i));
          ObjectNode commit = node.putObject("commit");
          commit.put("message", "Change " + i);
          ObjectNode who = commit.putObject("author");
          who.put("name", c.name() == null ? c.login() : c.name());
          who.put("email", c.email() == null ? c.login() + "@example.com" : c.email());
          who.put("date", time.instant().minusSeconds(3600L * (i + 1)).toString());
          if (login == null) {
            node.putNull("author");
          } else {
            node.putObject("author").put("login", login);
          }
          commits.add(node);
        }
      }
      return page(uri, query, commits, false);
    }
    validationErrors.add(method + " " + uri.getRawPath() + ": the stub serves only contributors and commits by"
        + " author of the organisation's other repositories");
    return error(404, "Not Found");
  }

  private String loginOfEmail(String email) {
    String linked = loginByEmail.get(email.toLowerCase(Locale.ROOT));
    if (linked != null) {
      return linked;
    }
    return users.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).map(StubUser::login).findFirst()
        .orElse(null);
  }

  private ObjectNode contributionJson(StubContribution c) {
    ObjectNode node = NODES.objectNode();
    if (c.login() == null) {
      node.put("type", "Anonymous");
      node.put("name", c.name());
      node.put("email", c.email());
    } else {
      node.put("login", c.login());
      node.put("id", Math.abs((long) c.login().hashCode()));
      node.put("type", c.login().endsWith("[bot]") ? "Bot" : "User");
    }
    node.put("contributions", c.commits());
    return node;
  }

  private List<JsonNode> contributors() {
    if (git == null) {
      return List.of();
    }
    Map<String, Integer> byEmail = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (StubGit.Commit commit : git.log()) {
      byEmail.merge(commit.email(), 1, Integer::sum);
      names.putIfAbsent(commit.email(), commit.name());
    }
    Map<String, Integer> byLogin = new LinkedHashMap<>();
    List<ObjectNode> anonymous = new ArrayList<>();
    byEmail.forEach((email, count) -> {
      Optional<StubUser> user = users.values().stream().filter(u -> email.equals(u.email())).findFirst();
      if (user.isPresent()) {
        byLogin.merge(user.get().login(), count, Integer::sum);
      } else {
        ObjectNode node = NODES.objectNode();
        node.put("type", "Anonymous");
        node.put("name", names.get(email));
        node.put("email", email);
        node.put("contributions", count);
        anonymous.add(node);
      }
    });
    List<ObjectNode> all = new ArrayList<>();
    byLogin.forEach((login, count) -> {
      ObjectNode node = NODES.objectNode();
      node.put("login", login);
      node.put("id", users.get(login).id());
      node.put("type", "User");
      node.put("contributions", count);
      all.add(node);
    });
    all.addAll(anonymous);
    all.sort((a, b) -> Integer.compare(b.path("contributions").asInt(), a.path("contributions").asInt()));
    return new ArrayList<>(all);
  }

  private List<JsonNode> commits(String author) {
    if (git == null) {
      return List.of();
    }
    Optional<StubUser> user = Optional.ofNullable(author).map(users::get);
    return git.log().stream()
        .filter(c -> author == null || c.email().equals(author) || user.map(u -> c.email().equals(u.email()))
            .orElse(false))
        .map(c -> {
          ObjectNode node = NODES.objectNode();
          node.put("sha", c.sha());
          ObjectNode commit = node.putObject("commit");
          commit.put("message", c.message());
          ObjectNode who = commit.putObject("author");
          who.put("name", c.name());
          who.put("email", c.email());
          who.put("date", c.when().toString());
          Optional<StubUser> login = users.values().stream().filter(u -> c.email().equals(u.email())).findFirst();
          if (login.isPresent()) {
            node.putObject("author").put("login", login.get().login());
          } else {
            node.putNull("author");
          }
          return (JsonNode) node;
        }).collect(Collectors.toList());
  }

  /** One page of {@code all}, honouring {@code per_page} (default 30, at most 100) with GitHub's Link header. */
  private Answer page(URI uri, Map<String, String> query, List<JsonNode> all) {
    return page(uri, query, all, true);
  }

  /** @param wholeList whether the client wants every item, so that anything but 100 to a page costs requests */
  private Answer page(URI uri, Map<String, String> query, List<JsonNode> all, boolean wholeList) {
    if (wholeList && !"100".equals(query.get("per_page"))) {
      validationErrors.add("GET " + uri.getRawPath() + ": a list read without per_page=100 costs extra pages");
    }
    int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ArrayNode array = NODES.arrayNode();
    all.subList(from, to).forEach(array::add);
    Map<String, String> headers = baseHeaders();
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add("<" + pageUrl(uri, page - 1) + ">; rel=\"prev\"");
      links.add("<" + pageUrl(uri, 1) + ">; rel=\"first\"");
    }
    if (page < last) {
      links.add("<" + pageUrl(uri, page + 1) + ">; rel=\"next\"");
      links.add("<" + pageUrl(uri, last) + ">; rel=\"last\"");
    }
    if (!links.isEmpty()) {
      // GitHub's order of rels varies; so does the stub's, page by page
      java.util.Collections.rotate(links, page);
      headers.put("Link", String.join(", ", links));
    }
    return new Answer(200, headers, array.toString());
  }

  private String pageUrl(URI uri, int page) {
    Map<String, String> query = query(uri.getRawQuery());
    query.put("page", Integer.toString(page));
    // The own repository's links point at its id, as GitHub's do; the organisation's others keep their names.
    String own = "^/repos/" + Pattern.quote(owner) + "/" + Pattern.quote(repo) + "(?=/|$)";
    String rest = uri.getRawPath().replaceFirst("(?i)" + own, "/repositories/" + REPOSITORY_ID);
    return baseUrl() + rest + "?" + query.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8).replace("+", "%20") + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }

  // ------------------------------------------------------------------ JSON

  private String htmlUrl(String kind, int number) {
    return "https://github.example/" + owner + "/" + repo + "/" + kind + "/" + number;
  }

  private ObjectNode userJson(StubUser user, boolean full) {
    ObjectNode node = full ? supplement.of("user") : skeleton.of("simple-user");
    node.put("login", user.login());
    node.put("id", user.id());
    node.put("html_url", "https://github.example/" + user.login());
    node.put("type", "User");
    if (full) {
      if (user.name() == null) {
        node.putNull("name");
      } else {
        node.put("name", user.name());
      }
    }
    return node;
  }

  private ObjectNode userJson(String login) {
    return userJson(users.computeIfAbsent(login, l -> new StubUser(l, null, l + "@example.com", nextId++)), false);
  }

  private ObjectNode labelJson(String name) {
    ObjectNode node = skeleton.of("label");
    node.put("id", Math.abs(name.hashCode()));
    node.put("name", name);
    node.put("color", labels.getOrDefault(name, "ededed"));
    return node;
  }

  private ObjectNode milestoneJson(StubMilestone milestone) {
    ObjectNode node = skeleton.of("milestone");
    node.put("id", 500 + milestone.number);
    node.put("number", milestone.number);
    node.put("title", milestone.title);
    node.put("state", milestone.state);
    node.put("html_url", htmlUrl("milestone", milestone.number));
    return node;
  }

  private Answer actionsSettings() {
    if (token.startsWith("ghs_") && !actionsSettingsReadable) {
      Map<String, String> headers = baseHeaders();
      headers.put("x-accepted-github-permissions", "administration=read");
      return new Answer(403, headers, errorBody("Resource not accessible by integration"));
    }
    ObjectNode settings = NODES.objectNode();
    settings.put("default_workflow_permissions", defaultWorkflowPermissions);
    settings.put("can_approve_pull_request_reviews", actionsMayOpenPullRequests);
    return json(200, settings);
  }

  private ObjectNode repositoryJson() {
    return repositoryJson(owner + "/" + repo, REPOSITORY_ID, false);
  }

  private ObjectNode repositoryJson(String fullName, long id, boolean isPrivate) {
    ObjectNode node = supplement.of("repository");
    if (!token.startsWith("ghs_")) {
      List<String> roles = List.of("read", "triage", "write", "maintain", "admin");
      int rank = roles.indexOf(role);
      ObjectNode permissions = node.putObject("permissions");
      permissions.put("admin", rank >= 4);
      permissions.put("maintain", rank >= 3);
      permissions.put("push", rank >= 2);
      permissions.put("triage", rank >= 1);
      permissions.put("pull", true);
    }
    node.put("id", id);
    node.put("name", fullName.substring(fullName.indexOf('/') + 1));
    node.put("full_name", fullName);
    node.put("html_url", "https://github.example/" + fullName);
    node.put("private", isPrivate);
    node.set("owner", userJson(fullName.substring(0, fullName.indexOf('/'))));
    return node;
  }

  private ObjectNode issueJson(StubItem item) {
    ObjectNode node = skeleton.of("issue");
    fillIssue(node, item);
    return node;
  }

  private void fillIssue(ObjectNode node, StubItem item) {
    node.put("id", 100_000 + item.number);
    node.put("number", item.number);
    node.put("title", item.title);
    node.put("body", item.body);
    node.put("state", item.state);
    node.put("html_url", htmlUrl(item.pull ? "pull" : "issues", item.number));
    node.set("user", userJson(item.author));
    ArrayNode labelArray = node.putArray("labels");
    item.labels.forEach(name -> labelArray.add(labelJson(name)));
    if (item.milestone != null) {
      node.set("milestone", milestoneJson(milestones.get(item.milestone)));
    }
    if (item.pull) {
      ObjectNode pull = node.putObject("pull_request");
      pull.put("url", baseUrl() + "/repos/" + owner + "/" + repo + "/pulls/" + item.number);
      pull.put("html_url", htmlUrl("pull", item.number));
      pull.put("diff_url", htmlUrl("pull", item.number) + ".diff");
      pull.put("patch_url", htmlUrl("pull", item.number) + ".patch");
      if (item.merged()) {
        pull.put("merged_at", item.mergedAt.toString());
      } else {
        pull.putNull("merged_at");
      }
    }
  }

  private ObjectNode pullJson(StubItem item, String schema) {
    ObjectNode node = skeleton.of(schema);
    node.put("id", 200_000 + item.number);
    node.put("number", item.number);
    node.put("title", item.title);
    node.put("body", item.body);
    node.put("state", item.state);
    node.put("html_url", htmlUrl("pull", item.number));
    node.set("user", userJson(item.author));
    ArrayNode labelArray = node.putArray("labels");
    item.labels.forEach(name -> labelArray.add(labelJson(name)));
    if (item.milestone != null) {
      node.set("milestone", milestoneJson(milestones.get(item.milestone)));
    }
    if (item.merged()) {
      node.put("merged_at", item.mergedAt.toString());
      node.put("closed_at", item.mergedAt.toString());
    }
    // Like GitHub, an open pull request reports its test-merge commit here; only a merged one's is real.
    node.put("merge_commit_sha", item.merged() ? item.mergeSha : sha1("test-merge" + item.number));
    if (node.has("merged")) {
      node.put("merged", item.merged());
    }
    ((ObjectNode) node.get("head")).put("ref", item.head);
    ((ObjectNode) node.get("head")).put("label", owner + ":" + item.head);
    ((ObjectNode) node.get("head")).put("sha", item.headSha == null ? sha1("head" + item.number) : item.headSha);
    ((ObjectNode) node.get("base")).put("ref", item.base);
    ((ObjectNode) node.get("base")).put("label", owner + ":" + item.base);
    return node;
  }

  private ObjectNode releaseJson(StubRelease release) {
    ObjectNode node = skeleton.of("release");
    node.put("id", release.id);
    node.put("tag_name", release.tag);
    node.put("name", release.name);
    node.put("body", release.body);
    node.put("draft", release.draft);
    node.put("html_url", "https://github.example/" + owner + "/" + repo + "/releases/tag/" + release.tag);
    if (!release.draft) {
      node.put("published_at", time.instant().atOffset(ZoneOffset.UTC).toInstant().toString());
    }
    node.set("author", userJson("releasekit-bot"));
    return node;
  }

  private ObjectNode commitJson(StubGit.Commit c) {
    ObjectNode node = skeleton.of("commit");
    node.put("sha", c.sha());
    ObjectNode commit = (ObjectNode) node.get("commit");
    commit.put("message", c.message());
    ObjectNode author = NODES.objectNode();
    author.put("name", c.name());
    author.put("email", c.email());
    author.put("date", c.when().toString());
    commit.set("author", author);
    users.values().stream().filter(u -> c.email().equals(u.email())).findFirst()
        .ifPresent(u -> node.set("author", userJson(u, false)));
    return node;
  }

  // ------------------------------------------------------------------ helpers

  private static int number(String rest, int position) {
    Matcher matcher = Pattern.compile("/(\\d+)").matcher(rest);
    int found = 0;
    while (matcher.find()) {
      if (++found == position) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalArgumentException("no number in " + rest);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Recorded requests matching {@code filter}, for assertions. */
  public synchronized List<Recorded> requests(Predicate<Recorded> filter) {
    return requests.stream().filter(filter).collect(Collectors.toList());
  }
}
