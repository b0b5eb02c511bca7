package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.CONTENTS_READ;
import static dev.releasekit.github.internal.Failures.METADATA_READ;

import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.spi.Contribution;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Who contributed: {@code /contributors?anon=1}, {@code /commits?author=} to map anonymous emails, and an
 * organisation's public repositories ({@code /orgs/{org}/repos?type=public}), for credits across them. Lists are
 * read 100 to a page; an email is mapped from a single commit ({@code per_page=1}).
 */
public final class Contributors {
  private final Api api;

  public Contributors(Api api) {
    this.api = api;
  }

  /** Everyone who committed to this client's repository, anonymous contributors included ({@code anon=1}). */
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

  /** The public repositories of {@code organisation}, as {@code owner/name}. */
  public List<String> publicRepositories(String organisation) {
    HttpUrl url = api.endpoints().rest("orgs", organisation, "repos").addQueryParameter("type", "public")
        .addQueryParameter("per_page", Integer.toString(Api.PAGE)).build();
    String action = "list the repositories of " + organisation;
    return Paging.elsewhere(api, url, action, METADATA_READ, missing("organisation " + organisation,
        "Check the organisation's name (its login on GitHub, such as home-assistant)."),
        (response, what) -> api.readList(response, Schema.RepositoryName.class, what)).stream()
        .map(Schema.RepositoryName::fullName).collect(Collectors.toList());
  }

  /** Everyone who committed to {@code repository} ({@code owner/name}), anonymous ones included. */
  public List<Contribution> of(String repository) {
    HttpUrl url = repositoryUrl(repository, "contributors").addQueryParameter("anon", "1")
        .addQueryParameter("per_page", Integer.toString(Api.PAGE)).build();
    String action = "list the contributors of " + repository;
    // GitHub answers an empty repository with 204 and no body.
    return Paging.elsewhere(api, url, action, METADATA_READ, missing("repository " + repository, "Check its name."),
        (response, what) -> response.status() == 204 ? List.<Schema.Contributor>of()
            : api.readList(response, Schema.Contributor.class, what)).stream()
        .map(json -> "Anonymous".equals(json.type())
            ? new Contribution(Optional.empty(), Optional.ofNullable(json.name()), Optional.ofNullable(json.email()),
                json.contributions())
            : new Contribution(Optional.ofNullable(json.login()), Optional.empty(), Optional.empty(),
                json.contributions()))
        .collect(Collectors.toList());
  }

  /** The login that commits by {@code email} in {@code repository} map to, from one commit. */
  public Optional<String> loginOf(String repository, String email) {
    HttpUrl url = repositoryUrl(repository, "commits").addQueryParameter("author", email)
        .addQueryParameter("per_page", "1").build();
    ApiResponse response = api.get(url);
    String action = "find the commits of " + email + " in " + repository;
    if (response.status() == 404) {
      throw missing("repository " + repository, "Check its name.").apply(response);
    }
    if (response.status() == 409) {
      return Optional.empty(); // an empty repository has no commits to map an email through
    }
    if (!response.isSuccess()) {
      throw Failures.failure(api, response, action, CONTENTS_READ);
    }
    return api.readList(response, Schema.Commit.class, action).stream().findFirst()
        .flatMap(commit -> Optional.ofNullable(commit.author())).map(Schema.Account::login);
  }

  private HttpUrl.Builder repositoryUrl(String repository, String resource) {
    String[] parts = repository.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new PreconditionException("'" + repository + "' is not a repository's owner/name, such as"
          + " home-assistant/core.");
    }
    return api.endpoints().rest("repos", parts[0], parts[1], resource);
  }

  private Function<ApiResponse, ReleaseException> missing(String what, String next) {
    return response -> new PreconditionException("GitHub has no " + what + " that this token can see ("
        + api.service() + " answered 404" + response.requestId().map(id -> ", request id " + id).orElse("")
        + "). " + next);
  }
}
