package dev.releasekit.examples;

import dev.releasekit.Change;
import dev.releasekit.Conventions;
import dev.releasekit.StepResult;
import dev.releasekit.docker.Registry;
import dev.releasekit.docker.testing.ImagePusher;
import dev.releasekit.docker.testing.LocalRegistryServer;
import dev.releasekit.docker.testing.SampleImages;
import dev.releasekit.git.Workspace;
import dev.releasekit.ResultKey;
import dev.releasekit.spi.Announcer;
import dev.releasekit.spi.CommandOutput;
import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HttpEndpoint;
import dev.releasekit.spi.SideEffect;
import dev.releasekit.spi.Sleeper;
import dev.releasekit.spi.ImageRegistry;
import dev.releasekit.spi.Journal;
import dev.releasekit.spi.StepContext;
import dev.releasekit.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Retagging with releasekit next to {@code skopeo copy --all} on the same local {@code docker-registry}: an image
 * of 1 layer and one of 20 layers, each given two new tags. Requests are counted from the registry's access log,
 * so both tools are counted the same way; times are wall-clock for one run (skopeo includes its process start).
 *
 * <pre>{@code
 * mvn -q -DskipTests install && mvn -q -f examples exec:java -Dexec.mainClass=dev.releasekit.examples.RetagBenchmark
 * }</pre>
 *
 * The registry, the sample images and the pusher are release-docker's test fixtures
 * ({@code dev.releasekit.docker.testing}, in its test-jar).
 * Needs Debian's {@code docker-registry} and {@code skopeo}.
 */
public final class RetagBenchmark {
  private RetagBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("retag-benchmark");
    try (LocalRegistryServer server = LocalRegistryServer.start(directory, Optional.empty())) {
      String host = server.host();
      ImagePusher pusher = new ImagePusher(host, Optional.empty(), Optional.empty());
      Registry registry = Registry.builder().withoutDockerConfig().build();

      // Warm the JVM and the connection pool on an image that is not measured.
      pusher.push("bench/warmup", SampleImages.image("warmup", 1, false, "linux", "amd64"), "1.0");
      registry.retag(host + "/bench/warmup:1.0", "w1", "w2").apply(new BenchContext(registry));
      skopeo(host + "/bench/warmup:1.0", host + "/bench/warmup:s1");

      System.out.printf("%-7s %-5s | %-24s | %-24s | %s%n", "layers", "tags", "releasekit retag",
          "skopeo copy --all", "ratio releasekit/skopeo");
      System.out.printf("%-7s %-5s | %-24s | %-24s | %s%n", "", "", "requests  time", "requests  time",
          "requests  time");
      for (int layers : List.of(1, 20)) {
        String repository = "bench/app" + layers;
        pusher.push(repository, SampleImages.image("bench-" + layers, layers, false, "linux", "amd64"), "1.0");
        String source = host + "/" + repository + ":1.0";

        int before = settle(server);
        long start = System.nanoTime();
        StepResult result = registry.retag(source, "rk-a", "rk-b").apply(new BenchContext(registry));
        long ours = System.nanoTime() - start;
        int ourRequests = settle(server) - before;
        if (!result.outcome().name().equals("DONE")) {
          throw new IllegalStateException("retag did not write: " + result);
        }

        before = settle(server);
        start = System.nanoTime();
        skopeo(source, host + "/" + repository + ":sk-a");
        skopeo(source, host + "/" + repository + ":sk-b");
        long theirs = System.nanoTime() - start;
        int theirRequests = settle(server) - before;

        String digest = registry.digest(source).orElseThrow();
        for (String tag : List.of("rk-a", "rk-b", "sk-a", "sk-b")) {
          if (!digest.equals(registry.digest(host + "/" + repository + ":" + tag).orElse(""))) {
            throw new IllegalStateException(tag + " does not carry the source digest " + digest);
          }
        }
        System.out.printf("%-7d %-5d | %4d (%4.1f/tag) %6.1f ms | %4d (%4.1f/tag) %6.1f ms | %5.2f    %5.3f%n",
            layers, 2, ourRequests, ourRequests / 2.0, ours / 1e6, theirRequests, theirRequests / 2.0,
            theirs / 1e6, (double) ourRequests / theirRequests, (double) ours / theirs);
      }
      System.out.println("Digests of every new tag equal the source's. Requests counted from the registry's access"
          + " log; releasekit's include one GET of the source manifest, then a HEAD and a PUT per tag.");
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void skopeo(String from, String to) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("skopeo", "copy", "--all", "--quiet", "--src-tls-verify=false",
        "--dest-tls-verify=false", "docker://" + from, "docker://" + to).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("skopeo copy failed (apt-get install -y skopeo): " + output);
    }
  }

  /** The access log is written just after each answer; wait until it stops growing. */
  private static int settle(LocalRegistryServer server) {
    int count = server.requests().size();
    while (true) {
      int now = server.awaitRequests(count + 1, 300).size();
      if (now == count) {
        return count;
      }
      count = now;
    }
  }

  /** The least a step needs outside a release: a registry, no repository or hosting. */
  private static final class BenchContext implements StepContext {
    private final ImageRegistry registry;

    BenchContext(ImageRegistry registry) {
      this.registry = registry;
    }

    @Override
    public Version version() {
      return Version.parse("1.0.0");
    }

    @Override
    public Conventions conventions() {
      return Conventions.semver();
    }

    @Override
    public String repository() {
      return "bench";
    }

    @Override
    public Workspace workspace() {
      throw new UnsupportedOperationException("the benchmark has no repository");
    }

    @Override
    public Hosting hosting() {
      throw new UnsupportedOperationException("the benchmark has no hosting");
    }

    @Override
    public Optional<ImageRegistry> registry() {
      return Optional.of(registry);
    }

    @Override
    public List<Announcer> announcers() {
      return List.of();
    }

    @Override
    public Optional<HttpEndpoint> endpoint(String name) {
      return Optional.empty();
    }

    @Override
    public Journal journal() {
      throw new UnsupportedOperationException("the benchmark keeps no journal");
    }

    @Override
    public void progress(String message) {
      System.err.println(message);
    }

    @Override
    public void change(Change change) {
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public Sleeper sleeper() {
      return Sleeper.system();
    }

    @Override
    public <T> Optional<T> result(ResultKey<T> key) {
      return Optional.empty();
    }

    @Override
    public <T> Optional<T> result(String repository, ResultKey<T> key) {
      return Optional.empty();
    }

    @Override
    public <T> T await(String what, Instant deadline, Duration firstInterval, Supplier<Optional<T>> probe) {
      return probe.get().orElseThrow(() -> new IllegalStateException("the benchmark does not wait: " + what));
    }

    @Override
    public StepResult perform(SideEffect effect) {
      throw new UnsupportedOperationException("the benchmark performs no side effect");
    }

    @Override
    public CommandOutput exec(List<String> command, Map<String, String> environment) {
      throw new UnsupportedOperationException("the benchmark runs no command");
    }
  }
}
