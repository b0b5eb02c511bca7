package dev.releasekit.docker;

import dev.releasekit.PreconditionException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference, parsed the way {@code docker pull} reads it: a registry host (Docker Hub when the first part
 * looks like no host), a repository, and a tag or a digest.
 *
 * <pre>{@code
 * ImageRef ref = ImageRef.parse("posthog/posthog:release-1.29.0");
 * ref.registry();     // registry-1.docker.io
 * ref.repository();   // posthog/posthog
 * ref.tag();          // Optional[release-1.29.0]
 * ImageRef.parse("redis").repository();                        // library/redis, tag latest
 * ImageRef.parse("127.0.0.1:5000/team/app@sha256:0123...");    // by digest
 * }</pre>
 *
 * <p>A reference without tag or digest means the tag {@code latest}. When both are given, the digest is what is
 * fetched. Invalid references (uppercase repositories, malformed digests, spaces) are refused with a
 * {@link PreconditionException} that says what is wrong.
 */
public final class ImageRef {
  /** The host Docker Hub's API answers on. */
  public static final String DOCKER_HUB = "registry-1.docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern HOST =
      Pattern.compile("(?:\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

  private final String registry;
  private final String repository;
  private final String tag;
  private final String digest;

  private ImageRef(String registry, String repository, String tag, String digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /** Parses a reference such as {@code posthog/posthog:release-1.29.0}; see the class documentation. */
  public static ImageRef parse(String reference) {
    ImageRef ref = parseLoosely(reference, true);
    if (ref.tag == null && ref.digest == null) {
      return new ImageRef(ref.registry, ref.repository, "latest", null);
    }
    return ref;
  }

  /** Parses a repository without tag or digest, such as {@code posthog/posthog} or {@code 127.0.0.1:5000/app}. */
  public static ImageRef repository(String repository) {
    ImageRef ref = parseLoosely(repository, false);
    if (ref.tag != null || ref.digest != null) {
      throw invalid(repository, "a repository name was expected, without ':tag' or '@digest'; drop the '"
          + (ref.digest != null ? "@" + ref.digest : ":" + ref.tag) + "' part");
    }
    return ref;
  }

  private static ImageRef parseLoosely(String reference, boolean allowVersion) {
    if (reference == null || reference.isBlank()) {
      throw new PreconditionException("The image reference is empty. Give one such as 'posthog/posthog:1.31.0'.");
    }
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw invalid(reference, "it contains whitespace; remove it");
      }
    }
    String rest = reference;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!SHA256.matcher(digest).matches() && !SHA512.matcher(digest).matches()) {
        throw invalid(reference, "the digest '" + digest + "' is not 'sha256:' followed by 64 lowercase hex digits");
      }
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
        if (!HOST.matcher(first).matches()) {
          throw invalid(reference, "the registry host '" + first + "' is not a host name with an optional port");
        }
        registry = normalizeHost(first);
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0 && rest.indexOf('/', colon) < 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(reference, "the tag '" + tag + "' is not valid (letters, digits, '_', '.', '-', at most 128,"
            + " not starting with '.' or '-')");
      }
    }
    if (rest.isEmpty()) {
      throw invalid(reference, "the repository name is missing");
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    for (String component : rest.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        String hint = component.equals(component.toLowerCase(java.util.Locale.ROOT))
            ? "use lowercase letters and digits, separated by '.', '_', '__' or '-'"
            : "repository names are lowercase: write '" + rest.toLowerCase(java.util.Locale.ROOT) + "'";
        throw invalid(reference, "the repository part '" + component + "' is not valid; " + hint);
      }
    }
    if (rest.length() + registry.length() + 1 > 255) {
      throw invalid(reference, "the name is longer than 255 characters");
    }
    if (!allowVersion && tag == null && digest == null) {
      return new ImageRef(registry, rest, null, null);
    }
    return new ImageRef(registry, rest, tag, digest);
  }

  private static String normalizeHost(String host) {
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("docker.io") || lower.equals("index.docker.io") || lower.equals(DOCKER_HUB)) {
      return DOCKER_HUB;
    }
    return lower;
  }

  private static PreconditionException invalid(String reference, String why) {
    return new PreconditionException("'" + reference + "' is not a valid image reference: " + why
        + ". Write it as [host[:port]/]name[:tag][@sha256:<64 hex>], for example 'posthog/posthog:1.31.0'.");
  }

  /** The API host, such as {@code registry-1.docker.io} or {@code 127.0.0.1:5000}. */
  public String registry() {
    return registry;
  }

  /** The repository inside the registry, such as {@code posthog/posthog} or {@code library/redis}. */
  public String repository() {
    return repository;
  }

  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** What the registry is asked for: the digest when there is one, otherwise the tag. */
  public String version() {
    return digest != null ? digest : tag == null ? "latest" : tag;
  }

  /** The same repository with this tag and no digest. */
  public ImageRef withTag(String newTag) {
    Objects.requireNonNull(newTag, "newTag");
    if (!TAG.matcher(newTag).matches()) {
      throw new PreconditionException("'" + newTag + "' is not a valid tag: use letters, digits, '_', '.' and '-',"
          + " at most 128 characters, not starting with '.' or '-'.");
    }
    return new ImageRef(registry, repository, newTag, null);
  }

  /** The same repository, pinned to a digest. */
  public ImageRef withDigest(String newDigest) {
    if (!SHA256.matcher(newDigest).matches() && !SHA512.matcher(newDigest).matches()) {
      throw new PreconditionException("'" + newDigest + "' is not a digest; expected 'sha256:' and 64 hex digits.");
    }
    return new ImageRef(registry, repository, null, newDigest);
  }

  /** The repository alone, as {@link #repository(String)} accepts it. */
  public ImageRef repositoryRef() {
    return new ImageRef(registry, repository, null, null);
  }

  /** The repository with its host: {@code 127.0.0.1:5000/team/app}; Docker Hub names stay short. */
  public String name() {
    if (registry.equals(DOCKER_HUB)) {
      return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }
    return registry + "/" + repository;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageRef that && registry.equals(that.registry) && repository.equals(that.repository)
        && Objects.equals(tag, that.tag) && Objects.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, repository, tag, digest);
  }

  /** The short form people write: {@code posthog/posthog:release-1.29.0}, {@code redis:latest}. */
  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
