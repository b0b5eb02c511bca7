package dev.releasekit;

import dev.releasekit.spi.Hosting;
import dev.releasekit.spi.HostingProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hosting provider, registered for core's own tests only (the test-jar leaves it out), that counts how often a
 * release asks for a hosting and then serves nothing, so the next provider (LocalHosting's) answers. It counts only
 * releases whose environment names a counter in {@link #COUNTER}, so other tests never see it at work.
 */
public final class CountingHostingProvider implements HostingProvider {
  public static final String COUNTER = "RELEASEKIT_TEST_DISCOVERY_COUNTER";
  private static final Map<String, AtomicInteger> ASKED = new ConcurrentHashMap<>();

  @Override
  public Optional<Hosting> forOrigin(String originUrl, Map<String, String> environment) {
    String counter = environment.get(COUNTER);
    if (counter != null) {
      ASKED.computeIfAbsent(counter, c -> new AtomicInteger()).incrementAndGet();
    }
    return Optional.empty();
  }

  /** How many times releases with {@code counter} in their environment looked for a hosting. */
  public static int asked(String counter) {
    return ASKED.getOrDefault(counter, new AtomicInteger()).get();
  }
}
