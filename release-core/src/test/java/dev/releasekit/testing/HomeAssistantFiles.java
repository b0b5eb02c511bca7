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

  /**
   * The website's {@code _config.yml}: a few site keys, then the release block of facts.md byte for byte, with the
   * values given (facts.md's own are {@code 57, 3, "2017-11-11", "#release-0573---november-11"}).
   */
  public static String siteConfig(int minor, int patch, String date, String patchNotes) {
    return "title: Home Assistant\n"
        + "subtitle: Open-source home automation platform\n"
        + "\n"
        + "# Home Assistant release details\n"
        + "current_major_version: 0\n"
        + "current_minor_version: " + minor + "\n"
        + "current_patch_version: " + patch + "\n"
        + "date_released: " + date + "\n"
        + "\n"
        + "# Either # or the anchor link to latest release notes in the blog post.\n"
        + "# Must be prefixed with a # and have double quotes around it.\n"
        + "# Major release:\n"
        + "patch_version_notes: \"" + patchNotes + "\"\n"
        + "# Minor release (Example #release-0431---april-25):\n";
  }

  /** An integration page that exists on the site, in the form of facts.md's 2020 stub. */
  public static final String FAIL2BAN_PAGE = "---\ntitle: Fail2Ban\ndescription: Instructions on how to integrate"
      + " Fail2Ban with Home Assistant.\nha_category:\n  - Sensor\nha_release: '0.57'\nha_domain: fail2ban\n---\n"
      + "\nThe `fail2ban` sensor shows the IPs banned by fail2ban.\n";
}
