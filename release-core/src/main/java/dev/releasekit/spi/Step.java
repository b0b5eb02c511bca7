package dev.releasekit.spi;

import dev.releasekit.StepResult;

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
 * {@link dev.releasekit.Release#plan()} the engine hands it a sandbox through the same {@link StepContext}.
 *
 * <pre>{@code
 * Step announce = new Step() {
 *   public String description() { return "tell #general"; }
 *   public StepResult apply(StepContext context) {
 *     if (context.journal().contains("slack:general")) return StepResult.alreadyDone("already told");
 *     context.journal().record("slack:general", "sending");
 *     slack.send(...);
 *     return StepResult.done("told #general");
 *   }
 * };
 * release.then(announce);
 * }</pre>
 */
public interface Step {

  /** What the step does, in a few words that read well after a number: {@code cut release-0-57 from dev}. */
  String description();

  /** Observes, compares, acts and verifies; see the class documentation. */
  StepResult apply(StepContext context);
}
