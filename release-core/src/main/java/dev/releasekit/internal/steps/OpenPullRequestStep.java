package dev.releasekit.internal.steps;

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

/** Opens the pull request from head to base, unless one is already open or merged. */
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
      PullRequest pr = existing.get();
      if (pr.state() == PullRequest.State.CLOSED) {
        throw new ConflictException("Pull request #" + pr.number() + " from " + head + " to " + base + " was closed"
            + " without merging. Reopen it (" + pr.url() + ") and run again; releasekit will not open a second one.");
      }
      StepResult done = StepResult.alreadyDone("#" + pr.number() + " is " + pr.state().name().toLowerCase())
          .with(result, pr);
      return pr.title().equals(title) ? done
          : done.withWarning("#" + pr.number() + " is titled \"" + pr.title() + "\", not \"" + title + "\"");
    }
    if (context.workspace().remoteBranch(head).isEmpty()) {
      throw new PreconditionException("Origin has no branch '" + head + "' to open a pull request from. Cut it"
          + " first (cutBranch()), then run again.");
    }
    PullRequest pr = hosting.openPullRequest(head, base, title, body.apply(context));
    context.change(Change.of(Change.Kind.PULL_REQUEST, "#" + pr.number(), "open pull request " + head + " -> "
        + base + " \"" + title + "\""));
    if (hosting.findPullRequest(head, base).isEmpty()) {
      throw new StepFailedException(description(), "the hosting does not list the new pull request");
    }
    return StepResult.done("opened #" + pr.number() + " " + pr.url()).with(result, pr);
  }
}
