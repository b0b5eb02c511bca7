package dev.releasekit;

import java.time.Instant;

/**
 * Another run of the same release holds its lease on origin, and did not end within the wait this run was given
 * ({@code Release.waitForOtherRun(Duration)}; none by default). Nothing was written. The holder is named so a
 * person can find it:
 *
 * <pre>{@code
 * catch (LeaseHeldException e) {
 *   System.err.println("run " + e.holder() + " on " + e.host() + " holds " + e.version() + " until " + e.expires());
 * }
 * }</pre>
 *
 * <p>A holder that died is not waited for: on the same machine its death is proved by its process id, and
 * elsewhere its lease expires at {@link #expires()} unless renewed.
 */
public final class LeaseHeldException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final String holder;
  private final String host;
  private final long pid;
  private final Instant expires;

  public LeaseHeldException(String version, String holder, String host, long pid, Instant expires,
      String message) {
    super(message);
    this.version = version;
    this.holder = holder;
    this.host = host;
    this.pid = pid;
    this.expires = expires;
  }

  public String version() {
    return version;
  }

  /** The other run's id, as its report and journal show it. */
  public String holder() {
    return holder;
  }

  /** The machine the other run is on. */
  public String host() {
    return host;
  }

  /** The other run's process id on {@link #host()}. */
  public long pid() {
    return pid;
  }

  /** When the other run's lease ends unless it renews it. */
  public Instant expires() {
    return expires;
  }
}
