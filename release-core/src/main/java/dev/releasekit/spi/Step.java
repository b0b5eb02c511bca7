package dev.releasekit.spi;

import dev.releasekit.StepResult;
import java.util.List;

/**
 * One idempotent move towards a state. It is not a command to replay: {@link #apply} observes the real state
 * (the remote is the truth), compares it with the state it wants, and then
 * <ul>
 *   <li>returns {@link StepResult#alreadyDone(String)} when they are equal, writing nothing;
 *   <li>acts, verifies by reading back, and returns {@link StepResult#done(String)} when the state is reachable;
 *   <li>throws a {@link dev.releasekit.ConflictException} or {@link dev.releasekit.PreconditionException} when the
 *       state contradicts it, before writing anything.
 * </ul>
 * It never forces a push, deletes a ref or moves a tag, and it never tests whether it runs in a plan: inside
 * {@link dev.releasekit.Release#plan()} the engine hands it a sandbox and overlays through the same
 * {@link StepContext}. Everything it touches comes from that context; an effect that cannot be observed afterwards
 * goes through {@link StepContext#perform(SideEffect)}, so a plan never performs it and no run repeats it:
 *
 * <pre>{@code
 * Step tellOps = new Step() {
 *   public String description() { return "tell the ops webhook"; }
 *   public StepResult apply(StepContext context) {
 *     HttpEndpoint ops = context.endpoint("ops").orElseThrow(() -> new PreconditionException(
 *         "Wire the ops endpoint with Release.withEndpoint(...)."));
 *     return context.perform(SideEffect.builder("ops webhook")
 *         .describedAs("POST release " + context.version() + " to the ops webhook")
 *         .observableAt("the ops dashboard")
 *         .performedBy(() -> {
 *           HttpEndpoint.Response answer = ops.send("POST", "/releases", Map.of(),
 *               context.version().toString().getBytes(StandardCharsets.UTF_8));
 *           if (!answer.isSuccessful()) throw new SideEffect.NotPerformedException("ops said " + answer.status());
 *           return "";
 *         })
 *         .build());
 *   }
 * };
 * release.then(tellOps);
 * }</pre>
 */
public interface Step {

  /** What the step does, in a few words that read well after a number: {@code cut release-0-57 from dev}. */
  String description();

  /** Observes, compares, acts and verifies; see the class documentation. */
  StepResult apply(StepContext context);

  /**
   * The services this step was built with, such as the {@code Registry} of {@code registry.awaitTag(...)}: the
   * engine wires each one the release does not already have (an {@link ImageRegistry}, an {@link Announcer}, an
   * {@link HttpEndpoint}), so that a plan overlays it. The step itself uses them only through its context.
   */
  default List<Object> services() {
    return List.of();
  }

  /**
   * Whether this step reads the work tree of its repository, as a command step does ({@code script/release}
   * builds from the files there). False by default: a step that reads and writes through
   * {@link StepContext#workspace()} sees origin's commits, not the work tree, since every write is a commit made in
   * memory and pushed to origin.
   *
   * <p>The engine uses it for one precondition: uncommitted changes in the work tree block only the steps that
   * read it (a run stops before writing anything, and a plan shows them BLOCKED); a release whose steps all leave
   * the work tree alone runs, and its plan lists the changes as a warning. Return true when the step runs a
   * process in the work tree or reads its tracked files.
   */
  default boolean readsWorkTree() {
    return false;
  }
}
