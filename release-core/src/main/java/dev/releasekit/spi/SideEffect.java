package dev.releasekit.spi;

import dev.releasekit.ReleaseException;
import java.util.Objects;
import java.util.Optional;

/**
 * An effect that cannot be undone and may not be observable afterwards: a chat post, a webhook, an upload. A step
 * hands it to {@link StepContext#perform(SideEffect)} instead of performing it itself, and the engine keeps the
 * promises a release makes about such effects:
 * <ul>
 *   <li>the intent is recorded in the journal (and pushed to origin) before the effect, the completion after it;
 *   <li>inside a plan the effect is shown as WOULD_DO and never performed;
 *   <li>it is performed at most once across runs;
 *   <li>after a crash between intent and completion, the {@link Check} (when there is one) finds out whether it
 *       happened; without one, the step is BLOCKED until a person runs again with
 *       {@code Release.confirm(key)} (it did happen) or {@code Release.resend(key)} (it did not).
 * </ul>
 *
 * <pre>{@code
 * public StepResult apply(StepContext context) {
 *   return context.perform(SideEffect.builder("notify ops")
 *       .describedAs("POST the release to the ops webhook")
 *       .performedBy(() -> ops.post(context.version().toString()))      // returns a receipt, such as an id
 *       .build());
 * }
 * }</pre>
 */
public final class SideEffect {

  /** What a {@link Check} found out about an effect whose completion was never recorded. */
  public enum Status {
    /** It happened; it is recorded as done and not repeated. */
    PERFORMED,
    /** It did not happen; it is performed now. */
    NOT_PERFORMED,
    /** It cannot be told (no history, no permission to read it): the step blocks for a person to decide. */
    UNKNOWN
  }

  /** Performs the effect once, returning a receipt for the journal (a message id, a URL, or an empty string). */
  @FunctionalInterface
  public interface Action {
    String perform();
  }

  /** Looks at the service to find out whether the effect happened, such as a search for a nonce in a channel. */
  @FunctionalInterface
  public interface Check {
    Status check();
  }

  /**
   * Thrown by an {@link Action} that knows the effect did not happen (the service refused it with a definite
   * answer, such as {@code channel_not_found}): the journal records a failure instead of an open intent, so a
   * re-run tries again instead of blocking.
   */
  public static final class NotPerformedException extends ReleaseException {
    private static final long serialVersionUID = 1L;

    public NotPerformedException(String message) {
      super(message);
    }

    public NotPerformedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final String key;
  private final String description;
  private final String where;
  private final Action action;
  private final Check check;

  private SideEffect(Builder builder) {
    this.key = requireText(builder.key, "key");
    this.description = builder.description == null ? key : builder.description;
    this.where = builder.where == null ? "the service" : builder.where;
    this.action = Objects.requireNonNull(builder.action, "performedBy(...)");
    this.check = builder.check;
  }

  private static String requireText(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a side effect needs a " + name);
    }
    return text;
  }

  /**
   * Starts a side effect named {@code key}: unique within the release and repository, and stable across runs
   * (the journal finds earlier attempts by it), such as {@code announce slack #general}.
   */
  public static Builder builder(String key) {
    return new Builder(key);
  }

  public String key() {
    return key;
  }

  /** What it does, for plans and reports: {@code post "Release 0.57 is out" to slack #general}. */
  public String description() {
    return description;
  }

  /** Where a person looks to find out whether it happened: {@code the channel #general}. */
  public String where() {
    return where;
  }

  public Action action() {
    return action;
  }

  public Optional<Check> check() {
    return Optional.ofNullable(check);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "SideEffect " + key + ": " + description;
  }

  /** Builds a {@link SideEffect}. */
  public static final class Builder {
    private String key;
    private String description;
    private String where;
    private Action action;
    private Check check;

    private Builder(String key) {
      this.key = key;
    }

    private Builder(SideEffect effect) {
      this.key = effect.key;
      this.description = effect.description;
      this.where = effect.where;
      this.action = effect.action;
      this.check = effect.check;
    }

    public Builder describedAs(String description) {
      this.description = description;
      return this;
    }

    /** Where a person checks whether the effect happened, named in a BLOCKED message. */
    public Builder observableAt(String where) {
      this.where = where;
      return this;
    }

    public Builder performedBy(Action action) {
      this.action = action;
      return this;
    }

    /** How to find out, after a crash, whether the effect happened. Without one, such a case blocks. */
    public Builder checkedBy(Check check) {
      this.check = check;
      return this;
    }

    public SideEffect build() {
      return new SideEffect(this);
    }
  }
}
