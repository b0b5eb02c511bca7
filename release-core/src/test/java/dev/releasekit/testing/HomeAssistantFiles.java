package dev.releasekit.testing;

/**
 * The Home Assistant files {@code LocalProject.homeAssistant} seeds, for tests that write or expect them:
 *
 * <pre>{@code
 * project.commit("dev", "Set 0.57.1", Map.of("homeassistant/const.py", HomeAssistantFiles.constPy(57, "1")));
 * }</pre>
 */
public final class HomeAssistantFiles {
  private HomeAssistantFiles() {
  }

  /** Home Assistant's {@code homeassistant/const.py} in its older form, at a given minor and patch label. */
  public static String constPy(int minor, String patch) {
    return dev.releasekit.local.internal.HomeAssistantFiles.constPy(minor, patch);
  }
}
