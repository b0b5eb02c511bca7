package dev.releasekit.spi;

import java.util.Objects;

/** A tag on origin and the commit it points at, as the tag step leaves it. */
public record Tag(String name, String commit) {
  public Tag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(commit, "commit");
  }

  @Override
  public String toString() {
    return name + " at " + commit.substring(0, Math.min(7, commit.length()));
  }
}
