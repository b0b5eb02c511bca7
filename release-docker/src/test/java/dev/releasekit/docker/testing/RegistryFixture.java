package dev.releasekit.docker.testing;

import dev.releasekit.Secret;
import dev.releasekit.docker.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The registry fixture: a real {@code docker-registry} (Debian's distribution 2.8) on 127.0.0.1 with a port the
 * system picks, storing in a temporary folder, started before the test class and stopped after it. With
 * {@link #withBasicAuth}, it requires htpasswd basic auth (bcrypt, generated with {@code htpasswd -Bbn} from
 * apache2-utils).
 *
 * <pre>{@code
 * @RegisterExtension static RegistryFixture registry = RegistryFixture.anonymous();
 *
 * @Test void retags() {
 *   registry.push("team/app", SampleImages.image("app", 1, false, "linux", "amd64"), "1.0");
 *   Registry client = registry.client().build();
 * }
 * }</pre>
 */
public final class RegistryFixture implements BeforeAllCallback, AfterAllCallback {
  private final String username;
  private final String password;
  private Path directory;
  private LocalRegistryServer server;

  private RegistryFixture(String username, String password) {
    this.username = username;
    this.password = password;
  }

  public static RegistryFixture anonymous() {
    return new RegistryFixture(null, null);
  }

  public static RegistryFixture withBasicAuth(String username, String password) {
    return new RegistryFixture(username, password);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("releasekit-registry");
    Optional<Path> htpasswd = Optional.empty();
    if (username != null) {
      Process process = new ProcessBuilder("htpasswd", "-Bbn", username, password).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("htpasswd failed (install apache2-utils): " + out);
      }
      Path file = directory.resolve("htpasswd");
      Files.writeString(file, out.strip() + "\n");
      htpasswd = Optional.of(file);
    }
    server = LocalRegistryServer.start(directory, htpasswd);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) {
      server.close();
    }
    if (directory != null) {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> {
          try {
            Files.deleteIfExists(path);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return server.host();
  }

  /** {@code 127.0.0.1:PORT/repository:tag}. */
  public String ref(String repositoryAndTag) {
    return host() + "/" + repositoryAndTag;
  }

  public String username() {
    return username;
  }

  public Secret password() {
    return Secret.of(password);
  }

  /** A builder for a client of this registry: credentials when it has auth, no Docker configuration. */
  public Registry.Builder client() {
    Registry.Builder builder = Registry.builder().withoutDockerConfig();
    if (username != null) {
      builder.credentials(host(), username, Secret.of(password));
    }
    return builder;
  }

  /** Pushes an image's blobs through the upload API and puts its manifest under {@code tag}. */
  public void push(String repository, SampleImages.Image image, String tag) {
    pusher().push(repository, image, tag);
  }

  public ImagePusher pusher() {
    return new ImagePusher(host(), Optional.ofNullable(username),
        Optional.ofNullable(password).map(Secret::of));
  }

  /** The requests the registry's access log recorded, as {@code "GET /v2/... 200"}. */
  public List<String> requests() {
    return server.requests();
  }

  public LocalRegistryServer server() {
    return server;
  }
}
