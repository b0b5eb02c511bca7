package dev.releasekit.spi;

import java.util.Objects;

/** A release on the hosting (GitHub's "release"), attached to a tag; drafts become visible when published. */
public record HostedRelease(String id, String tag, String name, String body, Status status, String url) {

  public enum Status { DRAFT, PUBLISHED }

  public HostedRelease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(name, "name");
    body = body == null ? "" : body;
    Objects.requireNonNull(status, "status");
  }

  public boolean isDraft() {
    return status == Status.DRAFT;
  }

  @Override
  public String toString() {
    return "release " + name + " (tag " + tag + ", " + status.name().toLowerCase() + ")";
  }
}
