package dev.releasekit.internal;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ReleaseException;
import dev.releasekit.git.internal.Identities;
import dev.releasekit.git.internal.Merges;
import dev.releasekit.git.internal.StaleLocks;
import dev.releasekit.spi.Contribution;
import dev.releasekit.spi.HostedRelease;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.Issue;
import dev.releasekit.spi.Labels;
import dev.releasekit.spi.Milestone;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.User;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A {@link Hosting} for plans: reads go to the real hosting, writes go to an in-memory layer that later reads see.
 * Merging a pull request creates the merge commit in the sandbox's origin, as the hosting would in the real one.
 * The real hosting only ever receives reads. Creates are refused as the real hosting refuses them, with an
 * {@link AlreadyExistsException}, so a plan takes the same path as the run.
 */
public final class OverlayHosting implements Hosting {
  private static final int FIRST_NEW_NUMBER = 1_000_000;

  private final Hosting real;
  private final Supplier<Repository> sandboxOrigin;
  private final Clock clock;
  private final StaleLocks.Pause pause;
  private final Map<Integer, PullRequest> pulls = new LinkedHashMap<>();
  private final Map<Integer, List<String>> addedLabels = new HashMap<>();
  private final Set<String> createdLabels = new LinkedHashSet<>();
  private final Map<Integer, Milestone> milestones = new HashMap<>();
  private final Map<String, HostedRelease> releases = new LinkedHashMap<>();
  private final Map<String, HostedRelease> seenReleases = new HashMap<>();
  private int nextNumber = FIRST_NEW_NUMBER;

  /**
   * {@code text} with the numbers this overlay gives new pull requests ({@code #1000000}, {@code #1000001}) shown
   * as what they are: {@code #(new)}, {@code #(new 2)}.
   */
  public static String placeholders(String text) {
    if (!text.contains("#" + FIRST_NEW_NUMBER / 10)) {
      return text;
    }
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("#(1[0-9]{6})\\b").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int offset = Integer.parseInt(matcher.group(1)) - FIRST_NEW_NUMBER;
      matcher.appendReplacement(out, offset == 0 ? "#(new)" : "#(new " + (offset + 1) + ")");
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Whether {@code number} is one this overlay gave a pull request a plan would open. */
  public static boolean isPlaceholder(int number) {
    return number >= FIRST_NEW_NUMBER;
  }

  public OverlayHosting(Hosting real, Supplier<Repository> sandboxOrigin, Clock clock, StaleLocks.Pause pause) {
    this.real = real;
    this.sandboxOrigin = sandboxOrigin;
    this.clock = clock;
    this.pause = pause;
  }

  @Override
  public String name() {
    return real.name() + " (plan)";
  }

  @Override
  public String webUrl() {
    return real.webUrl();
  }

  @Override
  public String userUrl(String login) {
    return real.userUrl(login);
  }

  @Override
  public synchronized Optional<PullRequest> findPullRequest(String head, String base) {
    Optional<PullRequest> mine = pulls.values().stream()
        .filter(p -> p.head().equals(head) && p.base().equals(base))
        .reduce((a, b) -> b);
    if (mine.isPresent()) {
      return mine;
    }
    return real.findPullRequest(head, base).map(this::overlaid);
  }

  @Override
  public synchronized PullRequest pullRequest(int number) {
    return pulls.containsKey(number) ? pulls.get(number) : overlaid(real.pullRequest(number));
  }

  @Override
  public synchronized Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers) {
    List<Integer> remote = numbers.stream().filter(n -> !pulls.containsKey(n) || n < FIRST_NEW_NUMBER).toList();
    Map<Integer, PullRequest> fetched = remote.isEmpty() ? Map.of() : real.pullRequests(remote);
    Map<Integer, PullRequest> result = new LinkedHashMap<>();
    for (int n : numbers) {
      if (pulls.containsKey(n)) {
        result.put(n, pulls.get(n));
      } else if (fetched.containsKey(n)) {
        result.put(n, overlaid(fetched.get(n)));
      }
    }
    return result;
  }

  @Override
  public synchronized PullRequest openPullRequest(String head, String base, String title, String body) {
    Optional<PullRequest> open = findPullRequest(head, base).filter(p -> p.state() == PullRequest.State.OPEN);
    if (open.isPresent()) {
      throw new AlreadyExistsException(Change.Kind.PULL_REQUEST, head + " -> " + base, "A pull request already"
          + " exists for " + head + " into " + base + ": #" + open.get().number() + ".");
    }
    int number = nextNumber++;
    PullRequest pr = new PullRequest(number, title, body, head, base, PullRequest.State.OPEN, "you", List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), real.webUrl() + "/pull/(new)");
    pulls.put(number, pr);
    return pr;
  }

  @Override
  public synchronized PullRequest updatePullRequest(int number, String title, String body) {
    PullRequest pr = pullRequest(number);
    PullRequest updated = pr.withTitleAndBody(title, body);
    pulls.put(number, updated);
    return updated;
  }

  @Override
  public synchronized PullRequest mergePullRequest(int number) {
    PullRequest pr = pullRequest(number);
    if (pr.isMerged()) {
      return pr;
    }
    if (pr.state() == PullRequest.State.CLOSED) {
      throw new ConflictException("Pull request #" + number + " is closed. Reopen it before merging.");
    }
    String sha = mergeInSandbox(pr);
    PullRequest merged = pr.merged(clock.instant(), sha);
    pulls.put(number, merged);
    return merged;
  }

  private String mergeInSandbox(PullRequest pr) {
    try (Repository repo = sandboxOrigin.get(); RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.R_HEADS + pr.head());
      ObjectId base = repo.resolve(Constants.R_HEADS + pr.base());
      if (head == null || base == null) {
        throw new PreconditionException("Pull request #" + pr.number() + " cannot merge: a branch is missing.");
      }
      if (walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(base))) {
        return base.name();
      }
      ObjectId merge = Merges.mergeCommit(repo, base, head, "Merge pull request #" + pr.number() + " from "
          + pr.head() + "\n\n" + pr.title() + "\n", Identities.committer(repo));
      // The sandbox holds origin's ref locks: the rehearsal meets them where the merge button would.
      StaleLocks.moveRef(repo, Constants.R_HEADS + pr.base(), base, merge, pause, "Merging pull request #"
          + pr.number());
      return merge.name();
    } catch (IOException e) {
      throw new ReleaseException("Cannot rehearse merging #" + pr.number() + ": " + e.getMessage() + ". The plan emulates the merge in its sandbox; check the branches exist on origin and plan again.", e);
    }
  }

  @Override
  public synchronized Set<String> labels() {
    Set<String> all = new LinkedHashSet<>(real.labels());
    all.addAll(createdLabels);
    return all;
  }

  @Override
  public synchronized void addLabels(int number, Collection<String> labels) {
    Labels.requireExisting(labels(), labels, "this repository");
    addedLabels.computeIfAbsent(number, n -> new ArrayList<>()).addAll(labels);
    if (pulls.containsKey(number)) {
      pulls.put(number, overlaid(pulls.get(number)));
    }
  }

  @Override
  public synchronized void createLabel(String name) {
    if (labels().stream().anyMatch(l -> l.equalsIgnoreCase(name))) {
      throw new AlreadyExistsException(Change.Kind.LABEL, name, "The label '" + name + "' already exists.");
    }
    createdLabels.add(name);
  }

  @Override
  public synchronized Optional<Milestone> milestone(String title) {
    return real.milestone(title).map(m -> milestones.getOrDefault(m.number(), m));
  }

  @Override
  public synchronized List<Milestone> openMilestones() {
    return real.openMilestones().stream().map(m -> milestones.getOrDefault(m.number(), m))
        .filter(m -> m.state() == Milestone.State.OPEN).toList();
  }

  @Override
  public synchronized List<Issue> milestoneItems(Milestone milestone) {
    return real.milestoneItems(milestone).stream().map(this::overlaid).toList();
  }

  @Override
  public synchronized Milestone closeMilestone(Milestone milestone) {
    Milestone closed = milestone.closed();
    milestones.put(milestone.number(), closed);
    return closed;
  }

  @Override
  public synchronized Optional<HostedRelease> releaseByTag(String tag) {
    if (releases.containsKey(tag)) {
      return Optional.of(releases.get(tag));
    }
    Optional<HostedRelease> found = real.releaseByTag(tag);
    found.ifPresent(r -> seenReleases.put(r.id(), r));
    return found;
  }

  @Override
  public synchronized HostedRelease createDraftRelease(String tag, String name, String body) {
    if (releaseByTag(tag).isPresent()) {
      throw new AlreadyExistsException(Change.Kind.RELEASE, tag, "A release for tag " + tag + " already exists.");
    }
    HostedRelease release = new HostedRelease("plan-" + tag, tag, name, body, HostedRelease.Status.DRAFT,
        real.webUrl() + "/releases/tag/" + tag);
    releases.put(tag, release);
    return release;
  }

  @Override
  public synchronized HostedRelease updateReleaseBody(String id, String body) {
    HostedRelease r = byId(id);
    HostedRelease updated = new HostedRelease(r.id(), r.tag(), r.name(), body, r.status(), r.url());
    releases.put(r.tag(), updated);
    return updated;
  }

  @Override
  public synchronized HostedRelease publishRelease(String id) {
    HostedRelease r = byId(id);
    HostedRelease published = new HostedRelease(r.id(), r.tag(), r.name(), r.body(), HostedRelease.Status.PUBLISHED,
        r.url());
    releases.put(r.tag(), published);
    return published;
  }

  private HostedRelease byId(String id) {
    for (HostedRelease r : releases.values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    if (seenReleases.containsKey(id)) {
      return seenReleases.get(id);
    }
    throw new PreconditionException("No release with id " + id + " in this plan; find it by tag first.");
  }

  @Override
  public Optional<User> user(String login) {
    return real.user(login);
  }

  @Override
  public List<String> publicRepositories(String organisation) {
    return real.publicRepositories(organisation);
  }

  @Override
  public List<Contribution> contributors(String repository) {
    return real.contributors(repository);
  }

  @Override
  public Optional<String> loginOfEmail(String repository, String email) {
    return real.loginOfEmail(repository, email);
  }

  private PullRequest overlaid(PullRequest pr) {
    List<String> extra = addedLabels.getOrDefault(pr.number(), List.of());
    if (extra.isEmpty()) {
      return pr;
    }
    Set<String> labels = new LinkedHashSet<>(pr.labels());
    labels.addAll(extra);
    return pr.withLabels(List.copyOf(labels));
  }

  private Issue overlaid(Issue issue) {
    List<String> extra = addedLabels.getOrDefault(issue.number(), List.of());
    Issue.State state = issue.state();
    PullRequest mine = pulls.get(issue.number());
    if (mine != null && mine.state() != PullRequest.State.OPEN) {
      state = Issue.State.CLOSED;
    }
    if (extra.isEmpty() && state == issue.state()) {
      return issue;
    }
    Set<String> labels = new LinkedHashSet<>(issue.labels());
    labels.addAll(extra);
    return new Issue(issue.number(), issue.title(), issue.kind(), state, issue.author(), List.copyOf(labels),
        issue.milestone(), issue.url());
  }
}
