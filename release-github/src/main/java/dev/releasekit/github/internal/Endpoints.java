package dev.releasekit.github.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.Secret;
import java.util.Map;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where a GitHub instance answers: the REST base, the GraphQL endpoint and the web address links point to.
 * github.com serves the API from {@code api.github.com}; GitHub Enterprise Server from {@code https://host/api/v3}
 * and GraphQL from {@code https://host/api/graphql}; anything else (a test server) serves both under one base.
 */
public record Endpoints(HttpUrl api, HttpUrl graphQl, String web) {

  public static final String GITHUB_API = "https://api.github.com";

  public static Endpoints of(String apiUrl, String webUrl) {
    HttpUrl api = HttpUrl.parse(apiUrl == null || apiUrl.isBlank() ? GITHUB_API : apiUrl.strip());
    if (api == null) {
      throw new PreconditionException("'" + apiUrl + "' is not an http(s) URL. Set the GitHub API base URL, such "
          + "as https://api.github.com or https://ghe.example.com/api/v3.");
    }
    String path = api.encodedPath().replaceAll("/+$", "");
    HttpUrl graphQl;
    String derivedWeb;
    if (path.endsWith("/api/v3")) {
      String root = path.substring(0, path.length() - "/api/v3".length());
      graphQl = api.newBuilder().encodedPath(root + "/api/graphql").build();
      derivedWeb = origin(api) + root;
    } else {
      graphQl = api.newBuilder().encodedPath(path + "/graphql").build();
      derivedWeb = api.host().equals("api.github.com") ? "https://github.com" : origin(api) + path;
    }
    String web = webUrl == null || webUrl.isBlank() ? derivedWeb : webUrl.strip().replaceAll("/+$", "");
    return new Endpoints(api, graphQl, web);
  }

  private static String origin(HttpUrl url) {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port());
  }

  /** The token in {@code GITHUB_TOKEN}, failing clearly when it is unset. */
  public static Secret token(Map<String, String> env) {
    String token = env.get("GITHUB_TOKEN");
    if (token == null || token.isBlank()) {
      throw new PreconditionException("The environment variable GITHUB_TOKEN is not set. Export a token with "
          + "contents, pull_requests and issues write access to the repository, and run again.");
    }
    return Secret.of(token.strip());
  }

  /** The REST URL of {@code segments} under the API base, each segment encoded. */
  public HttpUrl.Builder rest(String... segments) {
    HttpUrl.Builder builder = api.newBuilder();
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder;
  }

  /** The host people know the service by: {@code github.com}, {@code ghe.example.com}. */
  public String name() {
    HttpUrl web = HttpUrl.parse(this.web);
    return web == null ? api.host() : web.host().toLowerCase(Locale.ROOT);
  }
}
