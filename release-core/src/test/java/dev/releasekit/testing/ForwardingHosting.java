package dev.releasekit.testing;

import dev.releasekit.spi.Contribution;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Hosting} that hands every call to another, for tests that make something happen at one exact moment of
 * a step: override the call, act, then call {@code super}. A concurrent run creating the same pull request
 * between the step's look and its create:
 *
 * <pre>{@code
 * Hosting racing = new ForwardingHosting(fixture.hosting()) {
 *   public PullRequest openPullRequest(String head, String base, String title, String body) {
 *     delegate().openPullRequest(head, base, title, "opened by the other run");
 *     return super.openPullRequest(head, base, title, body);
 *   }
 * };
 * }</pre>
 */
public class ForwardingHosting implements Hosting {
  private final Hosting delegate;

  public ForwardingHosting(Hosting delegate) {
    this.delegate = delegate;
  }

  /** The hosting calls are handed to, for acting as someone else would. */
  protected final Hosting delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String webUrl() {
    return delegate.webUrl();
  }

  @Override
  public String userUrl(String login) {
    return delegate.userUrl(login);
  }

  @Override
  public Optional<PullRequest> findPullRequest(String head, String base) {
    return delegate.findPullRequest(head, base);
  }

  @Override
  public PullRequest pullRequest(int number) {
    return delegate.pullRequest(number);
  }

  @Override
  public Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    return delegate.pullRequests(numbers);
  }

  @Override
  public PullRequest openPullRequest(String head, String base, String title, String body) {
    return delegate.openPullRequest(head, base, title, body);
  }

  @Override
  public PullRequest updatePullRequest(int number, String title, String body) {
    return delegate.updatePullRequest(number, title, body);
  }

  @Override
  public PullRequest mergePullRequest(int number) {
    return delegate.mergePullRequest(number);
  }

  @Override
  public Set<String> labels() {
    return delegate.labels();
  }

  @Override
  public void addLabels(int number, Collection<String> labels) {
    delegate.addLabels(number, labels);
  }

  @Override
  public void createLabel(String name) {
    delegate.createLabel(name);
  }

  @Override
  public Optional<Milestone> milestone(String title) {
    return delegate.milestone(title);
  }

  @Override
  public List<Milestone> openMilestones() {
    return delegate.openMilestones();
  }

  @Override
  public List<Issue> milestoneItems(Milestone milestone) {
    return delegate.milestoneItems(milestone);
  }

  @Override
  public Milestone closeMilestone(Milestone milestone) {
    return delegate.closeMilestone(milestone);
  }

  @Override
  public Optional<HostedRelease> releaseByTag(String tag) {
    return delegate.releaseByTag(tag);
  }

  @Override
  public HostedRelease createDraftRelease(String tag, String name, String body) {
    return delegate.createDraftRelease(tag, name, body);
  }

  @Override
  public HostedRelease updateReleaseBody(String id, String body) {
    return delegate.updateReleaseBody(id, body);
  }

  @Override
  public HostedRelease publishRelease(String id) {
    return delegate.publishRelease(id);
  }

  @Override
  public Optional<User> user(String login) {
    return delegate.user(login);
  }

  @Override
  public List<String> publicRepositories(String organisation) {
    return delegate.publicRepositories(organisation);
  }

  @Override
  public List<Contribution> contributors(String repository) {
    return delegate.contributors(repository);
  }

  @Override
  public Optional<String> loginOfEmail(String repository, String email) {
    return delegate.loginOfEmail(repository, email);
  }

  @Override
  public String toString() {
    return "ForwardingHosting[" + delegate + "]";
  }
}
