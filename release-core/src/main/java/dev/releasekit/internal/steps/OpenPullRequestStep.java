package dev.releasekit.internal.steps;

import dev.releasekit.AlreadyExistsException;
import dev.releasekit.Change;
import dev.releasekit.ConflictException;
import dev.releasekit.PreconditionException;
import dev.releasekit.ResultKey;
import dev.releasekit.StepFailedException;
import dev.releasekit.StepResult;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.PullRequest;
import dev.releasekit.spi.Step;
import dev.releasekit.spi.StepContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens the pull request from head to base, unless one is already open or merged. One opened by someone else
 * between this step's look and its create (another run of the same release) is refused by the hosting as
 * {@link AlreadyExistsException}; the step looks again and adopts it, as if it had found it first.
 */
public final class OpenPullRequestStep implements Step {
  private final String head;
  private final String base;
  private final String title;
  private final Function<StepContext, String> body;
  private final ResultKey<PullRequest> result;

  public OpenPullRequestStep(String head, String base, String title, Function<StepContext, String> body,
      ResultKey<PullRequest> result) {
    this.head = head;
    this.base = base;
    this.title = title;
    this.body = body;
    this.result = result;
  }

  @Override
  public String description() {
    return "open pull request " + head + " -> " + base + " titled \"" + title + "\"";
  }

  @Override
  public StepResult apply(StepContext context) {
    Hosting hosting = context.hosting();
    Optional<PullRequest> existing = hosting.findPullRequest(head, base);
    if (existing.isPresent()) {
      return adopt(existing.get(), "");
    }
    if (context.workspace().remoteBranch(head).isEmpty()) {
      throw new PreconditionException("Origin has no branch '" + head + "' to open a pull request from. Cut it"
          + " first (cutBranch()), then run again.");
    }
    PullRequest pr;
    try {
      pr = hosting.openPullRequest(head, base, title, body.apply(context));
    } catch (AlreadyExistsException e) {
      // Opened between our look and our create, by another run or a person: look again and adopt it.
      PullRequest found = hosting.findPullRequest(head, base).orElseThrow(() -> new ConflictException("The"
          + " hosting refused to open a pull request from " + head + " to " + base + " because one exists ("
          + e.getMessage() + "), but lists none. Run again to look once more."));
      return adopt(found, ", opened meanwhile by someone else");
    }
    context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pr.number(), "open pull request " + head + " -> "
        + base + " \"" + title + "\""));
    if (hosting.findPullRequest(head, base).isEmpty()) {
      throw new StepFailedException(description(), "the hosting does not list the new pull request");
    }
    return StepResult.done("opened #" + pr.number() + " " + pr.url()).with(result, pr);
  }

  /** The pull request found from head to base, as this step's result; a closed, unmerged one blocks. */
  private StepResult adopt(PullRequest pr, String how) {
    if (pr.state() == PullRequest.State.CLOSED) {
      throw new ConflictException("Pull request #" + pr.number() + " from " + head + " to " + base + " was closed"
          + " without merging. Reopen it (" + pr.url() + ") and run again; releasekit will not open a second one.");
    }
    StepResult done = StepResult.alreadyDone("#" + pr.number() + " is " + pr.state().name().toLowerCase() + how)
        .with(result, pr);
    return pr.title().equals(title) ? done
        : done.withWarning("#" + pr.number() + " is titled \"" + pr.title() + "\", not \"" + title + "\"");
  }
}
