package dev.releasekit.spi;

import dev.releasekit.Precondition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a repository is hosted: pull requests, labels, milestones, releases and users, and the public repositories
 * and contributors of its organisation. {@code LocalHosting} is the embedded, file-backed implementation;
 * {@code release-github} provides GitHub.
 *
 * <p>Implementations turn transport failures into {@link dev.releasekit.RemoteException} and a missing object
 * asked for by number into a {@link dev.releasekit.PreconditionException}. Look-ups that may find nothing return
 * {@link Optional}. Writes are never repeated blindly: an implementation that retries a create reads back first.
 * A create refused because the object exists already (GitHub's {@code 422}: a second open pull request for the same
 * head and base, a second release for a tag, a label name taken) throws {@link dev.releasekit.AlreadyExistsException};
 * the caller looks again and adopts what it finds, or blocks when it differs from what it wanted.
 *
 * <pre>{@code
 * Hosting hosting = LocalHosting.open(storeDir, originDir);
 * PullRequest pr = hosting.findPullRequest("release-0-57", "master")
 *     .orElseGet(() -> hosting.openPullRequest("release-0-57", "master", "0.57", notes));
 * }</pre>
 */
public interface Hosting {

  /** A short name for reports: {@code local}, {@code github.com}. */
  String name();

  /** The repository's web address, used for links in notes and bodies. */
  String webUrl();

  /** The web address of a user's profile, used for {@code [@login]} links. */
  String userUrl(String login);

  // Pull requests

  /** The newest pull request from {@code head} into {@code base}, in any state. */
  Optional<PullRequest> findPullRequest(String head, String base);

  PullRequest pullRequest(int number);

  /**
   * Pull requests by number, fetched in as few requests as the service allows. Numbers that are issues, or
   * unknown, are absent from the result.
   */
  Map<Integer, PullRequest> pullRequests(Collection<Integer> numbers);

  /**
   * Opens a pull request; refused with {@link dev.releasekit.AlreadyExistsException} while one from {@code head}
   * into {@code base} is open (a closed or merged one does not count).
   */
  PullRequest openPullRequest(String head, String base, String title, String body);

  PullRequest updatePullRequest(int number, String title, String body);

  /** Merges with a merge commit (never a squash or a rebase) and returns the merged pull request. */
  PullRequest mergePullRequest(int number);

  // Labels

  /** The labels that exist in the repository. */
  Set<String> labels();

  /** Adds existing labels to an issue or pull request; a label that does not exist is an error, never created. */
  void addLabels(int number, Collection<String> labels);

  /**
   * Creates a label; only called when the caller asked for it explicitly, preferably through
   * {@link Labels#create(Hosting, String)}, which adopts a label that exists. Refused with
   * {@link dev.releasekit.AlreadyExistsException} when a label of that name exists, compared without regard to case
   * as GitHub compares them.
   */
  void createLabel(String name);

  // Milestones

  /** The milestone with exactly this title, open or closed. */
  Optional<Milestone> milestone(String title);

  List<Milestone> openMilestones();

  /** Every issue and pull request in the milestone, in any state. */
  List<Issue> milestoneItems(Milestone milestone);

  Milestone closeMilestone(Milestone milestone);

  // Releases

  Optional<HostedRelease> releaseByTag(String tag);

  /** Creates a draft release; refused with {@link dev.releasekit.AlreadyExistsException} when the tag has one. */
  HostedRelease createDraftRelease(String tag, String name, String body);

  HostedRelease updateReleaseBody(String id, String body);

  /** Publishes a draft; publishing is the commit point of a release. */
  HostedRelease publishRelease(String id);

  // Users

  Optional<User> user(String login);

  // Organisations: reads across the repositories of the hosting's owner, for credits pages

  /**
   * The public repositories of {@code organisation}, as {@code owner/name}, every page of them. Private ones are
   * left out: what reads them is meant for public pages.
   */
  List<String> publicRepositories(String organisation);

  /**
   * Everyone who committed to {@code repository} ({@code owner/name}), anonymous contributors included, every page
   * of them; empty for an empty repository.
   */
  List<Contribution> contributors(String repository);

  /**
   * The login of the account that commits by {@code email} in {@code repository} map to, read from one of those
   * commits; empty when the email maps to no account or has no commit there.
   */
  Optional<String> loginOfEmail(String repository, String email);

  // Checks

  /**
   * What a plan checks about this hosting before the run, from what the rehearsal found the run would do: whether
   * the credentials may push, open pull requests, label and close milestones, and anything the hosting knows that
   * a person should hear first (GitHub: pushes made with Actions' {@code GITHUB_TOKEN} start no other workflow).
   * They are listed in {@link dev.releasekit.Plan#preconditions()}, and {@link dev.releasekit.Release#run()} checks
   * them after its rehearsal: one that {@linkplain Precondition#blocks() fails} stops the run before its first
   * write. Only reads are allowed here. None by default.
   */
  default List<Precondition> preconditions(Preflight preflight) {
    return List.of();
  }
}
