package dev.releasekit.testing;

/**
 * Where a child run stops to be killed: after step {@code n} finishes ({@code step}), before the {@code n}-th pick
 * ({@code pick}, on the pick step's "picking #N" progress), with the lock of origin's {@code n}-th ref update held
 * ({@code ref}), half way through the {@code n}-th write of the hosting store ({@code store}), just after the {@code n}-th
 * announcement went out and before the journal knows ({@code post}), {@code delayMillis}
 * after step {@code n} starts ({@code timed}: the child runs on, the test kills it), or, for races, held at the start
 * of step {@code n} until released ({@code hold}).
 */
public record KillPoint(Kind kind, int n, int delayMillis) {
  public enum Kind { NONE, STEP, PICK, REF, STORE, POST, TIMED, HOLD }

  public static final KillPoint NONE = new KillPoint(Kind.NONE, 0, 0);

  public static KillPoint at(Kind kind, int n) {
    return new KillPoint(kind, n, 0);
  }

  public static KillPoint timed(int step, int delayMillis) {
    return new KillPoint(Kind.TIMED, step, delayMillis);
  }

  /** Whether the child parks there itself (every kind but timed and none). */
  public boolean parks() {
    return kind != Kind.NONE && kind != Kind.TIMED;
  }

  public boolean is(Kind kind, int n) {
    return this.kind == kind && this.n == n;
  }

  public static KillPoint parse(String text) {
    String[] parts = text.split(":");
    Kind kind = Kind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
    return new KillPoint(kind, parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
        parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
  }

  @Override
  public String toString() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return kind == Kind.NONE ? name : kind == Kind.TIMED ? name + ":" + n + ":" + delayMillis : name + ":" + n;
  }
}
