package dev.releasekit.spi;

/**
 * Sends a release announcement somewhere people read it: a chat channel, a webhook. Announcements cannot be
 * observed afterwards, so the steps that use an announcer record them in the {@link Journal} before and after
 * sending, and never send twice. Inside a plan, the engine replaces every announcer with one that only records.
 */
public interface Announcer {

  /** Where this announcer posts, for reports: {@code slack #general}. */
  String name();

  void announce(String message);
}
