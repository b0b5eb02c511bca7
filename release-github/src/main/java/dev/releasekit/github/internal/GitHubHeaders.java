package dev.releasekit.github.internal;

import dev.releasekit.Secret;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Puts the pinned headers and the token on every request. The API version is pinned: later versions drop
 * {@code merge_commit_sha}, which cherry-picks need. The token only ever goes into {@code Authorization}.
 */
final class GitHubHeaders implements Interceptor {
  static final String API_VERSION = "2022-11-28";

  private final Secret token;

  GitHubHeaders(Secret token) {
    this.token = token;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder()
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", API_VERSION)
        .header("User-Agent", "releasekit")
        .header("Authorization", token.reveal(value -> "Bearer " + value))
        .build());
  }
}
