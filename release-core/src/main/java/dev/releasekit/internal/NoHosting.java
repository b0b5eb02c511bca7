package dev.releasekit.internal;

import dev.releasekit.PreconditionException;
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
 * The hosting of an origin that no provider serves: releases that never touch the hosting still run, and the first
 * step that does is told how to wire one. A value: two for the same origin are equal.
 */
public final class NoHosting implements Hosting {
  private final String originUrl;

  public NoHosting(String originUrl) {
    this.originUrl = originUrl;
  }

  private PreconditionException unwired() {
    return new PreconditionException("No hosting serves origin " + originUrl + ". Put release-github on the"
        + " class path (with GITHUB_TOKEN set) or wire one with Release.hostedOn(...).");
  }

  @Override
  public String name() {
    return "none";
  }

  @Override
  public String webUrl() {
    throw unwired();
  }

  @Override
  public String userUrl(String login) {
    throw unwired();
  }

  @Override
  public Optional<PullRequest> findPullRequest(String head, String base) {
    throw unwired();
  }

  @Override
  public PullRequest pullRequest(int number) {
    throw unwired();
  }

  @Override
  public Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    throw unwired();
  }

  @Override
  public PullRequest openPullRequest(String head, String base, String title, String body) {
    throw unwired();
  }

  @Override
  public PullRequest updatePullRequest(int number, String title, String body) {
    throw unwired();
  }

  @Override
  public PullRequest mergePullRequest(int number) {
    throw unwired();
  }

  @Override
  public Set<String> labels() {
    throw unwired();
  }

  @Override
  public void addLabels(int number, Collection<String> labels) {
    throw unwired();
  }

  @Override
  public void createLabel(String name) {
    throw unwired();
  }

  @Override
  public Optional<Milestone> milestone(String title) {
    throw unwired();
  }

  @Override
  public List<Milestone> openMilestones() {
    throw unwired();
  }

  @Override
  public List<Issue> milestoneItems(Milestone milestone) {
    throw unwired();
  }

  @Override
  public Milestone closeMilestone(Milestone milestone) {
    throw unwired();
  }

  @Override
  public Optional<HostedRelease> releaseByTag(String tag) {
    throw unwired();
  }

  @Override
  public HostedRelease createDraftRelease(String tag, String name, String body) {
    throw unwired();
  }

  @Override
  public HostedRelease updateReleaseBody(String id, String body) {
    throw unwired();
  }

  @Override
  public HostedRelease publishRelease(String id) {
    throw unwired();
  }

  @Override
  public Optional<User> user(String login) {
    throw unwired();
  }

  @Override
  public List<String> publicRepositories(String organisation) {
    throw unwired();
  }

  @Override
  public List<Contribution> contributors(String repository) {
    throw unwired();
  }

  @Override
  public Optional<String> loginOfEmail(String repository, String email) {
    throw unwired();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoHosting that && that.originUrl.equals(originUrl);
  }

  @Override
  public int hashCode() {
    return originUrl.hashCode();
  }

  @Override
  public String toString() {
    return "no hosting for " + originUrl;
  }
}
