package dev.releasekit.github.internal;

import static dev.releasekit.github.internal.Failures.CONTENTS_READ;
import static dev.releasekit.github.internal.Failures.CONTENTS_WRITE;

import dev.releasekit.Change;
import dev.releasekit.spi.HostedRelease;
import java.util.Optional;

/** Releases: {@code /releases}, drafts first, published later. */
public final class Releases {
  private final Api api;

  public Releases(Api api) {
    this.api = api;
  }

  /**
   * The release for {@code tag}, published or draft. GitHub's by-tag endpoint does not return drafts, so when it
   * finds nothing the release list (which shows drafts to writers) is searched too.
   */
  public Optional<HostedRelease> byTag(String tag) {
    String action = "read the release for tag " + tag;
    ApiResponse response = api.get(api.repoUrl("releases", "tags", tag).build());
    if (response.isSuccess()) {
      api.repositorySeen().set(true);
      return Optional.of(toRelease(api.read(response, Schema.Release.class, action)));
    }
    if (response.status() != 404) {
      throw Failures.failure(api, response, action, CONTENTS_READ);
    }
    return Paging.all(api, api.listUrl("releases").build(), Schema.Release.class, "list the releases",
        CONTENTS_READ, null).stream()
        .filter(release -> tag.equals(release.tagName()))
        .map(Releases::toRelease)
        .findFirst();
  }

  /** Creates a draft; a tag that has a release is refused (422 already_exists) as {@code AlreadyExistsException}. */
  public HostedRelease createDraft(String tag, String name, String body) {
    String action = "create the draft release " + name + " for tag " + tag;
    return WriteOnce.create(api, action, CONTENTS_WRITE, null, new WriteOnce.Taken(Change.Kind.RELEASE, tag,
        "Use it (releaseByTag(tag)); a tag has one release."), api.repoUrl("releases").build(),
        new Schema.NewRelease(tag, name, body == null ? "" : body, Boolean.TRUE), () -> byTag(tag),
        response -> toRelease(api.read(response, Schema.Release.class, action)));
  }

  public HostedRelease updateBody(String id, String body) {
    return edit(id, new Schema.ReleaseEdit(body == null ? "" : body, null), "update the body of release " + id);
  }

  public HostedRelease publish(String id) {
    return edit(id, new Schema.ReleaseEdit(null, Boolean.FALSE), "publish release " + id);
  }

  private HostedRelease edit(String id, Schema.ReleaseEdit fields, String action) {
    ApiResponse response = api.patch(api.repoUrl("releases", id).build(), fields);
    if (response.status() == 404) {
      throw Failures.missing(api, response, "release " + id, "Look it up again with releaseByTag(tag).");
    }
    Failures.require(api, response, action, CONTENTS_WRITE);
    return toRelease(api.read(response, Schema.Release.class, action));
  }

  private static HostedRelease toRelease(Schema.Release json) {
    String name = json.name() == null || json.name().isBlank() ? json.tagName() : json.name();
    return new HostedRelease(Long.toString(json.id()), json.tagName(), name, json.body() == null ? "" : json.body(),
        json.draft() ? HostedRelease.Status.DRAFT : HostedRelease.Status.PUBLISHED, json.htmlUrl());
  }
}
