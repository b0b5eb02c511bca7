package dev.releasekit.docker.internal;

import dev.releasekit.PreconditionException;
import dev.releasekit.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code auths} of a Docker client configuration ({@code ~/.docker/config.json}): base64 {@code user:password}
 * per registry. Credential helpers ({@code credsStore}, {@code credHelpers}) are not run; their names are kept so a
 * refusal can say why no credentials were found.
 */
public final class DockerConfig {
  private final Path path;
  private final Map<String, Login> auths;
  private final boolean usesHelpers;

  private DockerConfig(Path path, Map<String, Login> auths, boolean usesHelpers) {
    this.path = path;
    this.auths = auths;
    this.usesHelpers = usesHelpers;
  }

  public static DockerConfig none() {
    return new DockerConfig(null, Map.of(), false);
  }

  /** Reads the file; a missing file means no credentials, a malformed one is an error that names the file. */
  public static DockerConfig read(Path path) {
    if (!Files.isRegularFile(path)) {
      return new DockerConfig(path, Map.of(), false);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new PreconditionException("Cannot read the Docker configuration " + path + " (" + e.getMessage()
          + "). Fix its permissions, or point the registry at another file.", e);
    }
    Map<?, ?> root = Json.object(bytes).orElseThrow(() -> new PreconditionException("The Docker configuration "
        + path + " is not a JSON object. Fix it (docker login rewrites it), or point the registry at another file."));
    Map<String, Login> auths = new LinkedHashMap<>();
    Map<?, ?> entries = Json.object(root, "auths").orElse(Map.of());
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      if (!(entry.getValue() instanceof Map<?, ?> value)) {
        continue;
      }
      Optional<String> auth = Json.string(value, "auth").filter(a -> !a.isBlank());
      if (auth.isEmpty()) {
        continue;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.get().trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new PreconditionException("The 'auth' of " + entry.getKey() + " in " + path
            + " is not base64. Run 'docker login " + entry.getKey() + "' again to rewrite it.");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0 || colon == decoded.length() - 1) {
        throw new PreconditionException("The 'auth' of " + entry.getKey() + " in " + path
            + " is not 'user:password' once decoded. Run 'docker login " + entry.getKey() + "' again.");
      }
      auths.put(String.valueOf(entry.getKey()),
          new Login(decoded.substring(0, colon), Secret.of(decoded.substring(colon + 1))));
    }
    boolean helpers = root.containsKey("credsStore") || root.containsKey("credHelpers");
    return new DockerConfig(path, Map.copyOf(auths), helpers);
  }

  /** The login for a registry host, trying the key forms {@code docker login} writes. */
  public Optional<Login> login(String host) {
    for (String key : keys(host)) {
      Login login = auths.get(key);
      if (login != null) {
        return Optional.of(login);
      }
    }
    return Optional.empty();
  }

  /** Every password in the file, so messages can be redacted. */
  public List<Secret> secrets() {
    return auths.values().stream().map(Login::password).toList();
  }

  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  public boolean usesHelpers() {
    return usesHelpers;
  }

  private static List<String> keys(String host) {
    List<String> hosts = new ArrayList<>(List.of(host));
    if (host.equals("registry-1.docker.io")) {
      hosts.addAll(List.of("index.docker.io", "docker.io"));
    }
    List<String> keys = new ArrayList<>();
    for (String h : hosts) {
      keys.addAll(List.of(h, "https://" + h, "https://" + h + "/v1/", "https://" + h + "/v2/", "http://" + h,
          "https://" + h + "/"));
    }
    return keys;
  }

  /** A user name and its password; the password stays a {@link Secret}. */
  public record Login(String username, Secret password) {
    @Override
    public String toString() {
      return username + ":****";
    }
  }
}
