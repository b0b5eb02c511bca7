package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.CONTENTS_READ;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Git data as GitHub shows it: refs ({@code /git/ref}) and the compare view ({@code /compare/base...head}). */
public final class GitData {
  private final Api api;

  public GitData(Api api) {
    this.api = api;
  }

  /** The commit a ref points at on GitHub, such as {@code heads/master} or {@code tags/0.57.0}. */
  public Optional<String> ref(String ref) {
    // One path segment, its slashes encoded as %2F, as GitHub's own clients send it: heads%2Fmaster.
    String path = ref.startsWith("refs/") ? ref.substring("refs/".length()) : ref;
    ApiResponse response = api.get(api.repoUrl("git", "ref", path).build());
    if (response.status() == 404) {
      if (Failures.repositoryExists(api)) {
        return Optional.empty();
      }
      throw Failures.repositoryMissing(api, response);
    }
    String action = "read the ref " + ref;
    Failures.require(api, response, action, CONTENTS_READ);
    return Optional.of(api.read(response, Schema.GitRef.class, action).target().sha());
  }

  /** The commits in {@code head} that are not in {@code base}, every page of them. */
  public Comparison compare(String base, String head) {
    HttpUrl url = api.repoUrl("compare", base + "..." + head)
        .addQueryParameter("per_page", Integer.toString(Api.PAGE)).build();
    String action = "compare " + base + "..." + head;
    List<Schema.Comparison> pages = new ArrayList<>();
    ApiResponse first = api.get(url);
    if (first.status() == 404) {
      throw Failures.missing(api, first, "one of " + base + " and " + head,
          "Check that both branches, tags or commits exist on GitHub.");
    }
    Failures.require(api, first, action, CONTENTS_READ);
    pages.add(api.read(first, Schema.Comparison.class, action));
    first.nextLink().map(HttpUrl::parse).ifPresent(next -> pages.addAll(Paging.all(api, next, action,
        CONTENTS_READ, "one of " + base + " and " + head,
        (response, what) -> List.of(api.read(response, Schema.Comparison.class, what)))));
    List<CommitSummary> commits = new ArrayList<>();
    pages.forEach(page -> page.commits().forEach(commit -> commits.add(CommitSummary.of(commit))));
    return new Comparison(pages.get(0).status(), pages.get(0).aheadBy(), pages.get(0).behindBy(), commits);
  }
}
