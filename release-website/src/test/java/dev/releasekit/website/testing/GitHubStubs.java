package dev.releasekit.website.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.releasekit.github.testing.GitHubStub;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the website's flow tests on release-github's stub check after each test and compare between runs: no
 * exchange outside GitHub's OpenAPI description, no label created on the side, and the pull requests a run left.
 *
 * <pre>{@code
 * @AfterEach
 * void validate() {
 *   GitHubStubs.validateAndClose(stubs);
 * }
 * }</pre>
 */
public final class GitHubStubs {
  private GitHubStubs() {
  }

  /** Fails on any OpenAPI validation error or silently created label in {@code stubs}, and closes them all. */
  public static void validateAndClose(List<GitHubStub> stubs) {
    try {
      assertThat(stubs).flatExtracting(GitHubStub::validationErrors).isEmpty();
      assertThat(stubs).flatExtracting(GitHubStub::silentlyCreatedLabels).isEmpty();
    } finally {
      stubs.forEach(GitHubStub::close);
    }
  }

  /** The stub's pull requests by number, each with what a re-run must converge to (the body as a hash). */
  public static String pullRequests(GitHubStub stub) {
    return stub.pulls().stream().sorted(Comparator.comparingInt(p -> p.number)).map(p -> "#" + p.number + " "
        + p.head + "->" + p.base + " " + p.title + " " + p.state + " merged=" + p.merged() + " " + p.labels
        + " body=" + p.body.hashCode()).collect(Collectors.joining(", "));
  }
}
