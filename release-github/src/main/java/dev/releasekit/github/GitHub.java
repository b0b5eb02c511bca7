package dev.releasekit.github;

import dev.releasekit.spi.Sleeper;

import dev.releasekit.PreconditionException;
import dev.releasekit.Secret;
import dev.releasekit.github.internal.Api;
import dev.releasekit.github.internal.Contributors;
import dev.releasekit.github.internal.Endpoints;
import dev.releasekit.github.internal.GitData;
import dev.releasekit.github.internal.Labels;
import dev.releasekit.github.internal.Milestones;
import dev.releasekit.github.internal.PullRequests;
import dev.releasekit.github.internal.Releases;
import dev.releasekit.github.internal.Users;
import dev.releasekit.spi.Contribution;
import dev.releasekit.Precondition;
import dev.releasekit.github.internal.TokenPreflight;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Preflight;
import dev.releasekit.spi.SecretHolder;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * GitHub (github.com or Enterprise Server) as a {@link Hosting}, over the REST API and, for batches of pull
 * requests, GraphQL.
 *
 * <pre>{@code
 * GitHub github = GitHub.fromEnv();                        // GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL
 * Release.of("0.57").hostedOn(github).mergeForward("master", "dev").cutBranch().openPr().run();
 *
 * GitHub enterprise = GitHub.builder()
 *     .baseUrl("https://ghe.example.com/api/v3")           // links go to https://ghe.example.com/owner/repo
 *     .token(Secret.fromEnv("GHE_TOKEN"))
 *     .repository("home-assistant/core")
 *     .client(myOkHttpClient)                              // your proxy and timeouts
 *     .rateLimitBudget(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>Behind this facade each resource (pull requests, labels, milestones, releases, git data, users, contributors)
 * is one small class, and the cross-cutting HTTP concerns (headers and token, the read-only gate, retries, rate
 * limits, the ETag cache) are OkHttp interceptors on the client; counting is an OkHttp event listener.
 *
 * <p>It sends as few requests as the API allows: 100 items per page following {@code Link} headers, pull request
 * metadata in batches of 100 ({@link #pullRequests(Collection)}), and {@code If-None-Match} with remembered ETags
 * so a repeated read is a free {@code 304}. {@link #requestCount()} tells how many went out.
 *
 * <p>Reads and idempotent writes (PUT, PATCH) are retried with backoff and jitter on server errors, resets and
 * timeouts. A create (POST) is never sent twice blindly: when its answer is lost it reads the state back (the pull
 * request from head to base, the release for the tag, the labels of the issue) and sends it again only when
 * nothing is there. Rate limits are waited out within {@link Builder#rateLimitBudget(Duration)}; past it a
 * {@link dev.releasekit.RateLimitException} says when to run again. Waits use the clock and {@link Sleeper} given
 * to the builder.
 *
 * <p>The API version is pinned ({@code X-GitHub-Api-Version: 2022-11-28}): later versions drop
 * {@code merge_commit_sha}, which cherry-picks need. The token is only ever put in the {@code Authorization}
 * header; {@code toString()}, logs and exception messages never contain it.
 */
public final class GitHub implements Hosting, SecretHolder {
  private final Api api;
  private final Resources resources;

  private GitHub(Api api) {
    this.api = api;
    this.resources = new Resources(api);
  }

  /** The resources behind this facade, one small class each; for this module's tests and internals. */
  record Resources(PullRequests pulls, Labels labels, Milestones milestones, Releases releases, GitData git,
      Users users, Contributors contributors) {
    Resources(Api api) {
      this(new PullRequests(api), new Labels(api), new Milestones(api), new Releases(api), new GitData(api),
          new Users(api), new Contributors(api));
    }
  }

  Resources resources() {
    return resources;
  }

  /** GitHub as configured by the process environment; see {@link #fromEnv(Map)}. */
  public static GitHub fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * GitHub as configured by {@code env}: {@code GITHUB_TOKEN} (required), {@code GITHUB_REPOSITORY}
   * ({@code owner/name}, required), {@code GITHUB_API_URL} (default {@code https://api.github.com}) and
   * {@code GITHUB_SERVER_URL} (the web address, derived from the API URL when absent). These are the variables
   * GitHub Actions sets.
   */
  public static GitHub fromEnv(Map<String, String> env) {
    String repository = env.get("GITHUB_REPOSITORY");
    if (repository == null || repository.isBlank()) {
      throw new PreconditionException("The environment variable GITHUB_REPOSITORY is not set. Set it to "
          + "owner/name, such as home-assistant/core, and run again.");
    }
    return builder()
        .baseUrl(env.getOrDefault("GITHUB_API_URL", Endpoints.GITHUB_API))
        .webUrl(env.get("GITHUB_SERVER_URL"))
        .token(Endpoints.token(env))
        .repository(repository)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A view of the same repository, sharing this client's counter and cache, that sends only reads: any PUT,
   * PATCH, or POST other than a GraphQL query, throws a {@link PreconditionException} before it is sent.
   */
  public GitHub readOnly() {
    return api.isReadOnly() ? this : new GitHub(api.readOnly());
  }

  /** How many requests this client (and its read-only views) sent so far. */
  public RequestCount requestCount() {
    return api.count();
  }

  /** {@code owner/name}. */
  public String repository() {
    return api.fullName();
  }

  @Override
  public String name() {
    return api.endpoints().name();
  }

  /** The repository's web page on this host, such as {@code https://ghe.example.com/owner/repo}. */
  @Override
  public String webUrl() {
    return api.webUrl();
  }

  @Override
  public String userUrl(String login) {
    return api.userUrl(login);
  }

  @Override
  public Optional<PullRequest> findPullRequest(String head, String base) {
    return resources.pulls().find(head, base);
  }

  /** @throws PreconditionException naming the pull request when it does not exist */
  @Override
  public PullRequest pullRequest(int number) {
    return resources.pulls().get(number);
  }

  /** Reads up to 100 pull requests per GraphQL query; issues and unknown numbers are left out. */
  @Override
  public Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    return resources.pulls().batch(numbers);
  }

  @Override
  public PullRequest openPullRequest(String head, String base, String title, String body) {
    return resources.pulls().open(head, base, title, body);
  }

  @Override
  public PullRequest updatePullRequest(int number, String title, String body) {
    return resources.pulls().update(number, title, body);
  }

  /**
   * Merges with a merge commit ({@code merge_method=merge}). When GitHub answers 405 or 409 the pull request is
   * read back: if it is merged already (an earlier attempt whose answer was lost, or someone else), the merged
   * pull request is returned; otherwise a {@link dev.releasekit.ConflictException} says why it cannot be merged.
   */
  @Override
  public PullRequest mergePullRequest(int number) {
    return resources.pulls().merge(number);
  }

  @Override
  public Set<String> labels() {
    return resources.labels().all();
  }

  /**
   * Adds labels that exist. GitHub itself would create a missing label; this throws a
   * {@link PreconditionException} instead, naming the labels that do exist.
   */
  @Override
  public void addLabels(int number, Collection<String> labels) {
    resources.labels().add(number, labels);
  }

  /**
   * Creates a label (grey). A name that is taken, compared without regard to case as GitHub does, is refused with
   * an {@link dev.releasekit.AlreadyExistsException}; {@link dev.releasekit.spi.Labels#create} adopts it.
   */
  @Override
  public void createLabel(String name) {
    resources.labels().create(name);
  }

  @Override
  public Optional<Milestone> milestone(String title) {
    return resources.milestones().byTitle(title);
  }

  @Override
  public List<Milestone> openMilestones() {
    return resources.milestones().open();
  }

  @Override
  public List<Issue> milestoneItems(Milestone milestone) {
    return resources.milestones().items(milestone);
  }

  @Override
  public Milestone closeMilestone(Milestone milestone) {
    return resources.milestones().close(milestone);
  }

  /** The release for {@code tag}, drafts included. */
  @Override
  public Optional<HostedRelease> releaseByTag(String tag) {
    return resources.releases().byTag(tag);
  }

  @Override
  public HostedRelease createDraftRelease(String tag, String name, String body) {
    return resources.releases().createDraft(tag, name, body);
  }

  @Override
  public HostedRelease updateReleaseBody(String id, String body) {
    return resources.releases().updateBody(id, body);
  }

  @Override
  public HostedRelease publishRelease(String id) {
    return resources.releases().publish(id);
  }

  @Override
  public Optional<User> user(String login) {
    return resources.users().get(login);
  }

  /** {@code GET /orgs/{org}/repos?type=public}, 100 to a page. */
  @Override
  public List<String> publicRepositories(String organisation) {
    return resources.contributors().publicRepositories(organisation);
  }

  /** {@code GET /repos/{owner}/{repo}/contributors?anon=1}, 100 to a page. */
  @Override
  public List<Contribution> contributors(String repository) {
    return resources.contributors().of(repository);
  }

  /** {@code GET /repos/{owner}/{repo}/commits?author={email}&per_page=1}: one request. */
  @Override
  public Optional<String> loginOfEmail(String repository, String email) {
    return resources.contributors().loginOf(repository, email);
  }

  /**
   * What a plan checks about the token before a run, for what the rehearsal found the run would do: that it may
   * push, open and merge pull requests, label, close milestones and publish releases ({@code X-OAuth-Scopes} and
   * the repository's {@code permissions} for user tokens); for an installation token such as Actions'
   * {@code GITHUB_TOKEN}, whether Actions may open pull requests in the repository; and inside GitHub Actions, that
   * refs pushed with {@code GITHUB_TOKEN} start no other workflow, which a step waiting for an image built on the
   * tag push would wait for in vain. One or two reads; none when the run would write nothing. A run checks the
   * same after its rehearsal and refuses to start, writing nothing, when the token may not do what it would.
   */
  @Override
  public List<Precondition> preconditions(Preflight preflight) {
    return TokenPreflight.check(api, api.token(), preflight);
  }

  /** The token, so that a log that masks registers it before anything is printed. */
  @Override
  public List<Secret> secrets() {
    return List.of(api.token());
  }

  @Override
  public String toString() {
    return "GitHub " + api.fullName() + " at " + api.endpoints().api() + (api.isReadOnly() ? " (read-only)" : "");
  }

  /**
   * Configures a {@link GitHub}. Only {@link #token(Secret)} and {@link #repository(String)} are required.
   */
  public static final class Builder {
    private String baseUrl = Endpoints.GITHUB_API;
    private String webUrl;
    private Secret token;
    private String repository;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration rateLimitBudget = Duration.ofMinutes(15);
    private int maxAttempts = 4;
    private boolean readOnly;

    private Builder() {}

    /** The REST API base: {@code https://api.github.com} (default) or {@code https://ghe.example.com/api/v3}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The web address links point to; derived from the base URL when not set. */
    public Builder webUrl(String webUrl) {
      this.webUrl = webUrl;
      return this;
    }

    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /** {@code owner/name}, such as {@code home-assistant/core}. */
    public Builder repository(String repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * The caller's client, with its proxy, timeouts and interceptors; shared, never shut down by this. GitHub's own
     * interceptors are added after the caller's, and its request counter replaces the client's
     * {@link okhttp3.EventListener}. Redirects are followed as the client is configured (OkHttp's default follows
     * them): a renamed repository answers 301 to reads and 307 to writes.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The clock rate-limit resets are compared with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between retries and for rate limits. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The longest single wait for a rate limit to reset (default 15 minutes); longer throws. */
    public Builder rateLimitBudget(Duration budget) {
      if (budget.isNegative()) {
        throw new PreconditionException("The rate-limit budget must not be negative; pass Duration.ZERO to never "
            + "wait.");
      }
      this.rateLimitBudget = budget;
      return this;
    }

    /** How many times a read or idempotent write is tried before a server error is reported (default 4). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new PreconditionException("maxAttempts must be at least 1, not " + attempts + ".");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Builds a client that sends only reads; see {@link GitHub#readOnly()}. */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    public GitHub build() {
      if (token == null) {
        throw new PreconditionException("No GitHub token was given. Pass token(Secret.fromEnv(\"GITHUB_TOKEN\")).");
      }
      if (repository == null || !repository.strip().matches("[^/\\s]+/[^/\\s]+")) {
        throw new PreconditionException("The repository must be owner/name, such as home-assistant/core, not '"
            + repository + "'.");
      }
      String[] parts = repository.strip().replaceAll("\\.git$", "").split("/");
      Endpoints endpoints = Endpoints.of(baseUrl, webUrl);
      OkHttpClient http = client != null ? client : new OkHttpClient.Builder()
          .connectTimeout(10, TimeUnit.SECONDS)
          .readTimeout(60, TimeUnit.SECONDS)
          .build();
      return new GitHub(Api.create(http, endpoints, parts[0], parts[1], token, clock, sleeper, rateLimitBudget,
          maxAttempts, readOnly));
    }
  }
}
