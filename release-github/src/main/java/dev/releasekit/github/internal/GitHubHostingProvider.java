package dev.releasekit.github.internal;

import dev.releasekit.github.GitHub;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds GitHub for an origin on github.com (https, ssh or scp-like {@code git@github.com:owner/repo.git}) or on
 * the Enterprise host named by {@code GITHUB_SERVER_URL} or {@code GITHUB_API_URL}, when {@code GITHUB_TOKEN} is
 * set. Registered in {@code META-INF/services/dev.releasekit.spi.HostingProvider}.
 */
public final class GitHubHostingProvider implements HostingProvider {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubHostingProvider.class);
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

  /** The host and {@code owner/name} of a git URL; empty when it is a local path or cannot be read. */
  public record Origin(String host, String repository) {}

  @Override
  public Optional<Hosting> forOrigin(String originUrl, Map<String, String> environment) {
    Optional<Origin> origin = parse(originUrl);
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    String host = origin.get().host();
    String serverUrl = environment.get("GITHUB_SERVER_URL");
    String apiUrl = environment.get("GITHUB_API_URL");
    String apiBase;
    String webBase;
    if (host.equals(hostOf(serverUrl)) || host.equals(hostOf(apiUrl))) {
      apiBase = blank(apiUrl) ? "https://" + host + "/api/v3" : apiUrl;
      webBase = blank(serverUrl) ? null : serverUrl;
    } else if (host.equals("github.com")) {
      apiBase = Endpoints.GITHUB_API;
      webBase = "https://github.com";
    } else {
      return Optional.empty();
    }
    String token = environment.get("GITHUB_TOKEN");
    if (token == null || token.isBlank()) {
      // Like core's own fallback: a release that never touches the hosting still runs; one that does is told to
      // set GITHUB_TOKEN (or wire a hosting) when it first calls it.
      LOG.info("origin {} is on {}, but GITHUB_TOKEN is not set; GitHub is not used", origin.get().repository(),
          host);
      return Optional.empty();
    }
    return Optional.of(GitHub.builder()
        .baseUrl(apiBase)
        .webUrl(webBase)
        .token(Endpoints.token(environment))
        .repository(origin.get().repository())
        .build());
  }

  public static Optional<Origin> parse(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String host;
    String path;
    String text = url.strip();
    if (text.contains("://")) {
      URI uri;
      try {
        uri = URI.create(text);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (uri.getHost() == null || "file".equals(uri.getScheme())) {
        return Optional.empty();
      }
      host = uri.getHost();
      path = uri.getPath();
    } else {
      Matcher matcher = SCP_LIKE.matcher(text);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      host = matcher.group(1);
      path = matcher.group(2);
    }
    String repository = path.replaceAll("^/+", "").replaceAll("/+$", "").replaceAll("\\.git$", "");
    if (repository.split("/").length != 2) {
      return Optional.empty();
    }
    return Optional.of(new Origin(host.toLowerCase(Locale.ROOT), repository));
  }

  private static String hostOf(String url) {
    if (blank(url)) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
