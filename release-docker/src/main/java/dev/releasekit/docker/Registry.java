package dev.releasekit.docker;

import dev.releasekit.spi.Sleeper;

import dev.releasekit.PreconditionException;
import dev.releasekit.RemoteException;
import dev.releasekit.Secret;
import dev.releasekit.docker.internal.DockerConfig;
import dev.releasekit.docker.internal.Json;
import dev.releasekit.docker.internal.MediaTypes;
import dev.releasekit.docker.internal.RegistryClient;
import dev.releasekit.docker.internal.RegistryClient.Answer;
import dev.releasekit.docker.internal.RegistryClient.Call;
import dev.releasekit.spi.ImageManifest;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.SecretHolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A container registry over the OCI distribution API (Docker Registry HTTP API v2): Docker Hub, a private
 * registry, or a local {@code docker-registry}. It reads manifests with their exact bytes, puts them back under new
 * tags without changing their digest, lists tags, and offers the two release steps built on that:
 * {@link #awaitTag} and {@link #retag}.
 *
 * <pre>{@code
 * Registry hub = Registry.builder().build();                 // anonymous, or ~/.docker/config.json's auths
 * Release release = Release.of("1.31.0")
 *     .then(hub.awaitTag("posthog/posthog:release-1.31.0", Duration.ofHours(2)))   // the gate
 *     .then(hub.retag("posthog/posthog:release-1.31.0", "latest-release").move());
 * }</pre>
 *
 * <p>Authentication follows the registry's challenge: none, basic, or a bearer token from the token service the
 * challenge names (Docker Hub's {@code auth.docker.io}), cached per scope. Credentials come from
 * {@link Builder#credentials} or from the {@code auths} of the Docker configuration; they never appear in messages
 * or in {@link #toString()}. Errors are {@link dev.releasekit.RemoteException}s, with
 * {@link dev.releasekit.AuthenticationException} for refused credentials and
 * {@link dev.releasekit.RateLimitException} for a rate limit (Docker Hub's {@code TOOMANYREQUESTS}) that does not
 * reset within the builder's waiting budget.
 */
public final class Registry implements ImageRegistry, SecretHolder {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

  private final RegistryClient client;
  private final Map<String, DockerConfig.Login> logins;
  private final DockerConfig dockerConfig;
  private final Map<String, String> endpoints;
  private final List<Secret> secrets;

  private Registry(Builder builder) {
    this.logins = Map.copyOf(builder.logins);
    this.dockerConfig = builder.dockerConfig == null ? DockerConfig.none() : DockerConfig.read(builder.dockerConfig);
    this.endpoints = Map.copyOf(builder.endpoints);
    OkHttpClient http = builder.http != null ? builder.http : new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build();
    List<Secret> secrets = new ArrayList<>();
    logins.values().forEach(login -> secrets.add(login.password()));
    secrets.addAll(dockerConfig.secrets());
    this.secrets = List.copyOf(secrets);
    this.client = new RegistryClient(http, this::login, endpoints, builder.clock, builder.sleeper,
        builder.rateLimitBudget, 3, text -> {
          String out = text;
          for (Secret secret : secrets) {
            out = secret.redact(out);
          }
          return out;
        });
  }

  /** The passwords given and those read from the Docker configuration, for a log that masks them first. */
  @Override
  public List<Secret> secrets() {
    return secrets;
  }

  /** A registry with no explicit credentials that reads {@code ~/.docker/config.json} when it exists. */
  public static Registry create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private Optional<DockerConfig.Login> login(String host) {
    DockerConfig.Login login = logins.get(host);
    return login != null ? Optional.of(login) : dockerConfig.login(host);
  }

  // ImageRegistry

  /**
   * The manifest a tag or digest points at, with its exact bytes. The request offers every manifest type, indexes
   * first, so a multi-platform image is its index and never one platform's manifest; the bytes are checked against
   * the digest the registry announces. Empty when the tag or repository does not exist.
   */
  @Override
  public Optional<ImageManifest> manifest(String reference) {
    ImageRef ref = ImageRef.parse(reference);
    Answer answer = client.send(manifestCall("GET", ref));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw client.failure(ref.registry(), answer, "get the manifest of " + ref);
    }
    byte[] bytes = answer.body();
    String mediaType = Json.object(bytes).flatMap(json -> Json.string(json, "mediaType"))
        .orElse(MediaTypes.bare(answer.header("Content-Type").orElse("")));
    if (mediaType.isEmpty()) {
      throw new RemoteException(ref.registry(), answer.status(), RegistryClient.requestIdOf(answer).orElse(null),
          "The manifest of " + ref + " has no media type, neither in the document nor as Content-Type. The"
          + " registry is not serving a manifest; check the reference.");
    }
    ImageManifest manifest = ImageManifest.of(mediaType, bytes);
    String expected = ref.digest().or(() -> answer.header("Docker-Content-Digest")).orElse(manifest.digest());
    if (expected.startsWith("sha256:") && !expected.equals(manifest.digest())) {
      throw new RemoteException(ref.registry(), answer.status(), RegistryClient.requestIdOf(answer).orElse(null),
          "The registry answered " + ref + " with bytes whose digest is " + manifest.digest() + ", not " + expected
          + ". It may be converting manifests; nothing was written. Report it to the registry operator.");
    }
    return Optional.of(manifest);
  }

  /** The digest a reference points at, read with a {@code HEAD} request and the full Accept list. */
  @Override
  public Optional<String> digest(String reference) {
    ImageRef ref = ImageRef.parse(reference);
    Answer answer = client.send(manifestCall("HEAD", ref));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw client.failure(ref.registry(), answer, "look up " + ref);
    }
    Optional<String> digest = answer.header("Docker-Content-Digest").filter(d -> d.startsWith("sha"));
    return digest.isPresent() ? digest : manifest(reference).map(ImageManifest::digest);
  }

  /** Puts these exact bytes under the reference's tag, with the manifest's media type as Content-Type. */
  @Override
  public void putManifest(String reference, ImageManifest manifest) {
    put(ImageRef.parse(reference), manifest);
  }

  /**
   * Puts and returns the digest the registry reports for what it stored. An answer lost in transit or a server
   * error is read back before the one retry, so a put that did succeed is not repeated.
   */
  String put(ImageRef ref, ImageManifest manifest) {
    if (ref.digest().isPresent() && !ref.digest().get().equals(manifest.digest())) {
      throw new PreconditionException("Cannot put a manifest whose digest is " + manifest.digest() + " at "
          + ref + ". Give a tag instead of a digest.");
    }
    RemoteException lost = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      if (lost != null) {
        Optional<String> now = digest(ref.toString());
        if (now.isPresent() && now.get().equals(manifest.digest())) {
          return now.get();
        }
      }
      Answer answer;
      try {
        answer = client.send(new Call("PUT", ref.registry(), ref.repository(), manifestUrl(ref), Headers.of(),
            manifest.bytes(), manifest.mediaType(), true));
      } catch (RemoteException e) {
        if (e.status() != 0) {
          throw e;
        }
        lost = e;
        continue;
      }
      if (answer.status() >= 500) {
        lost = client.failure(ref.registry(), answer, "put the manifest " + ref);
        continue;
      }
      if (!answer.ok()) {
        throw client.failure(ref.registry(), answer, "put the manifest " + manifest.digest() + " as " + ref);
      }
      String stored = answer.header("Docker-Content-Digest").orElse(manifest.digest());
      if (!stored.equals(manifest.digest())) {
        throw new RemoteException(ref.registry(), answer.status(), RegistryClient.requestIdOf(answer).orElse(null),
            "The registry stored " + ref + " as " + stored + " instead of " + manifest.digest() + ": it changed"
            + " the bytes. Check the tag by hand and report it to the registry operator.");
      }
      return stored;
    }
    throw lost;
  }

  /**
   * Every tag of a repository such as {@code posthog/posthog}, following {@code Link} pagination. Registries that
   * ignore the page size, or repeat a page, are tolerated: each page is read once and tags are not duplicated.
   */
  @Override
  public List<String> tags(String repository) {
    ImageRef repo = ImageRef.repository(repository);
    HttpUrl url = client.url(repo.registry(), "v2/" + repo.repository() + "/tags/list").newBuilder()
        .addQueryParameter("n", "1000").build();
    Set<String> tags = new LinkedHashSet<>();
    Set<HttpUrl> seen = new HashSet<>();
    while (url != null && seen.add(url)) {
      Answer answer = client.send(Call.get(repo.registry(), repo.repository(), url, Headers.of("Accept",
          "application/json")));
      if (answer.status() == 404) {
        throw new PreconditionException("The repository " + repo.name() + " does not exist on " + repo.registry()
            + " (" + RegistryClient.errorCode(answer).orElse("404") + "). Check its name; a repository appears"
            + " with its first push.");
      }
      if (!answer.ok()) {
        throw client.failure(repo.registry(), answer, "list the tags of " + repo.name());
      }
      int before = tags.size();
      Json.object(answer.body()).map(json -> Json.list(json, "tags")).orElse(List.of()).stream()
          .filter(String.class::isInstance).map(String.class::cast).forEach(tags::add);
      Optional<String> next = answer.header("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
      url = tags.size() == before ? null : next.map(link -> answer.url().resolve(link)).orElse(null);
    }
    return List.copyOf(tags);
  }

  // Steps

  /**
   * A step that waits until {@code reference} exists, polling with backoff and reporting progress, and fails with
   * a {@link PreconditionException} once {@code timeout} (counted from the step's start) has passed, so the steps
   * after it never run.
   */
  public AwaitTag awaitTag(String reference, Duration timeout) {
    return new AwaitTag(this, ImageRef.parse(reference), timeout, null);
  }

  /** As {@link #awaitTag(String, Duration)}, with a fixed deadline. */
  public AwaitTag awaitTag(String reference, Instant deadline) {
    return new AwaitTag(this, ImageRef.parse(reference), null, deadline);
  }

  /**
   * A step that puts the manifest of {@code reference} under each of {@code newTags} in the same repository, with
   * the same bytes and so the same digest. A tag already there is left alone; a tag on another digest blocks the
   * step unless it is told to {@link Retag#move()}.
   */
  public Retag retag(String reference, String... newTags) {
    ImageRef source = ImageRef.parse(reference);
    if (newTags.length == 0) {
      throw new PreconditionException("retag(" + source + ") needs at least one new tag, such as 'latest'.");
    }
    List<ImageRef> targets = new ArrayList<>();
    for (String tag : newTags) {
      targets.add(source.withTag(Objects.requireNonNull(tag, "tag")));
    }
    return new Retag(this, source, targets, false);
  }

  // Plumbing

  private HttpUrl manifestUrl(ImageRef ref) {
    return client.url(ref.registry(), "v2/" + ref.repository() + "/manifests/" + ref.version());
  }

  private Call manifestCall(String method, ImageRef ref) {
    return new Call(method, ref.registry(), ref.repository(), manifestUrl(ref),
        Headers.of("Accept", MediaTypes.ACCEPT_HEADER), null, null, false);
  }

  @Override
  public String toString() {
    Set<String> hosts = new LinkedHashSet<>(logins.keySet());
    return "Registry[" + (hosts.isEmpty() ? "anonymous" : "credentials for " + String.join(", ", hosts))
        + dockerConfig.path().map(p -> ", docker config " + p).orElse("")
        + (endpoints.isEmpty() ? "" : ", endpoints " + endpoints) + "]";
  }

  /** Configures a {@link Registry}; every setting has a default. */
  public static final class Builder {
    private final Map<String, DockerConfig.Login> logins = new LinkedHashMap<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private Path dockerConfig = Path.of(System.getProperty("user.home"), ".docker", "config.json");
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration rateLimitBudget = Duration.ofMinutes(1);
    private OkHttpClient http;

    private Builder() {
    }

    /**
     * Logs in to {@code host} ({@code registry-1.docker.io}, {@code ghcr.io}, {@code 127.0.0.1:5000}) as
     * {@code username}; these take precedence over the Docker configuration.
     */
    public Builder credentials(String host, String username, Secret password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      String normalized = ImageRef.parse(Objects.requireNonNull(host, "host") + "/x").registry();
      logins.put(normalized, new DockerConfig.Login(username, password));
      return this;
    }

    /** Reads the {@code auths} of this Docker configuration instead of {@code ~/.docker/config.json}. */
    public Builder dockerConfig(Path path) {
      this.dockerConfig = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Reads no Docker configuration at all. */
    public Builder withoutDockerConfig() {
      this.dockerConfig = null;
      return this;
    }

    /**
     * Sends the requests for {@code host} to {@code baseUrl} instead, such as a mirror or a plain-HTTP registry:
     * {@code endpoint("registry.internal:5000", "http://registry.internal:5000/")}. Loopback hosts use plain
     * HTTP without this.
     */
    public Builder endpoint(String host, String baseUrl) {
      if (HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl")) == null) {
        throw new PreconditionException("'" + baseUrl + "' is not an http or https URL.");
      }
      String normalized = ImageRef.parse(Objects.requireNonNull(host, "host") + "/x").registry();
      endpoints.put(normalized, baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      return this;
    }

    /** The clock token expiry and rate-limit resets are measured on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How waits happen; see {@link Sleeper}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * How long a rate limit may be waited out before a {@link dev.releasekit.RateLimitException} is thrown
     * instead; one minute by default, zero to never wait.
     */
    public Builder rateLimitBudget(Duration budget) {
      if (budget.isNegative()) {
        throw new PreconditionException("The rate-limit budget cannot be negative; use Duration.ZERO to never wait.");
      }
      this.rateLimitBudget = budget;
      return this;
    }

    /**
     * Your own OkHttp client (proxies, timeouts, interceptors), as {@code GitHub.builder().client(...)} takes one:
     * the one okhttp type releasekit's API accepts.
     */
    public Builder client(OkHttpClient client) {
      this.http = Objects.requireNonNull(client);
      return this;
    }

    public Registry build() {
      return new Registry(this);
    }
  }
}
