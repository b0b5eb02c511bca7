package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.ISSUES_READ;
import static dev.releasekit.github.internal.Failures.ISSUES_WRITE;

import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/** Milestones ({@code /milestones}) and the issues in them ({@code /issues?milestone=N}, {@code /search/issues}). */
public final class Milestones {
  private final Api api;

  public Milestones(Api api) {
    this.api = api;
  }

  public Optional<Milestone> byTitle(String title) {
    return list("all").stream().filter(m -> m.title().equals(title)).findFirst();
  }

  public List<Milestone> open() {
    return list("open");
  }

  private List<Milestone> list(String state) {
    HttpUrl url = api.listUrl("milestones").addQueryParameter("state", state).build();
    return Paging.all(api, url, Schema.Milestone.class, "list the " + ("all".equals(state) ? "" : state + " ")
        + "milestones", ISSUES_READ, null).stream().map(Milestones::toMilestone).collect(Collectors.toList());
  }

  public List<Issue> items(Milestone milestone) {
    HttpUrl url = api.listUrl("issues").addQueryParameter("milestone", Integer.toString(milestone.number()))
        .addQueryParameter("state", "all").build();
    return Paging.all(api, url, Schema.Issue.class, "list the issues of milestone " + milestone.title(),
        ISSUES_READ, null).stream().map(Milestones::toIssue).collect(Collectors.toList());
  }

  public Milestone close(Milestone milestone) {
    ApiResponse response = api.patch(api.repoUrl("milestones", Integer.toString(milestone.number())).build(),
        new Schema.StateEdit("closed"));
    if (response.status() == 404) {
      throw Failures.missing(api, response, "milestone " + milestone.title() + " (number " + milestone.number()
          + ")", "Look it up again with milestone(title).");
    }
    String action = "close milestone " + milestone.title();
    Failures.require(api, response, action, ISSUES_WRITE);
    return toMilestone(api.read(response, Schema.Milestone.class, action));
  }

  /** Issues and pull requests matching a search query such as {@code repo:o/r is:pr label:cherry-picked}. */
  public List<Issue> search(String query) {
    HttpUrl url = api.endpoints().rest("search", "issues").addQueryParameter("q", query)
        .addQueryParameter("per_page", Integer.toString(Api.PAGE)).build();
    return Paging.all(api, url, "search issues for '" + query + "'", ISSUES_READ, null,
        (response, action) -> api.read(response, Schema.SearchResults.class, action).items()).stream()
        .map(Milestones::toIssue).collect(Collectors.toList());
  }

  static List<String> names(List<Schema.LabelName> labels) {
    return labels.stream().map(Schema.LabelName::name).collect(Collectors.toList());
  }

  private static Issue toIssue(Schema.Issue json) {
    return new Issue(json.number(), json.title(),
        json.pullRequest() != null ? Issue.Kind.PULL_REQUEST : Issue.Kind.ISSUE,
        "open".equals(json.state()) ? Issue.State.OPEN : Issue.State.CLOSED,
        json.user() == null ? "" : json.user().login(), names(json.labels()),
        Optional.ofNullable(json.milestone()).map(Schema.Titled::title), json.htmlUrl());
  }

  private static Milestone toMilestone(Schema.Milestone json) {
    return new Milestone(json.number(), json.title(),
        "open".equals(json.state()) ? Milestone.State.OPEN : Milestone.State.CLOSED, json.htmlUrl());
  }
}
