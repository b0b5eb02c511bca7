package dev.releasekit;

/** What a step did, or would do, to reach its state. */
public enum Outcome {
  /** The step changed the world during {@link Release#run()}. */
  DONE,
  /** The state was already there; nothing was written. */
  ALREADY_DONE,
  /** In a {@link Release#plan()}: the step would change the world as its changes show. */
  WOULD_DO,
  /** The world holds a state that contradicts the step's; nothing was written. */
  BLOCKED
}
