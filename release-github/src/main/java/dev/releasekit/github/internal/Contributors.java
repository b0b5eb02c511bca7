package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.CONTENTS_READ;
import static dev.releasekit.github.internal.Failures.METADATA_READ;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/** Who contributed: {@code /contributors?anon=1}, and {@code /commits?author=} to map anonymous emails. */
public final class Contributors {
  private final Api api;

  public Contributors(Api api) {
    this.api = api;
  }

  /** Everyone who committed, anonymous contributors included ({@code anon=1}). */
  public List<Contributor> all() {
    HttpUrl url = api.listUrl("contributors").addQueryParameter("anon", "1").build();
    return Paging.all(api, url, Schema.Contributor.class, "list the contributors", METADATA_READ, null).stream()
        .map(json -> new Contributor(
            "Anonymous".equals(json.type()) ? Optional.empty() : Optional.ofNullable(json.login()),
            Optional.ofNullable(json.name()), Optional.ofNullable(json.email()), json.contributions()))
        .collect(Collectors.toList());
  }

  /** Commits whose author is a login or an email address. */
  public List<CommitSummary> commitsBy(String author) {
    HttpUrl url = api.listUrl("commits").addQueryParameter("author", author).build();
    return Paging.all(api, url, Schema.Commit.class, "list the commits of " + author, CONTENTS_READ, null)
        .stream().map(CommitSummary::of).collect(Collectors.toList());
  }
}
