package dev.releasekit.local.internal;

/** The files {@code LocalProject.homeAssistant} seeds, in Home Assistant's older forms. */
public final class HomeAssistantFiles {
  private HomeAssistantFiles() {
  }

  /** Home Assistant's {@code homeassistant/const.py} in its older form, at a given minor and patch label. */
  public static String constPy(int minor, String patch) {
    return "\"\"\"Constants used by Home Assistant components.\"\"\"\n"
        + "# pylint: disable=unused-import\n"
        + "MAJOR_VERSION = 0\n"
        + "MINOR_VERSION = " + minor + "\n"
        + "PATCH_VERSION = '" + patch + "'\n"
        + "__short_version__ = '{}.{}'.format(MAJOR_VERSION, MINOR_VERSION)\n"
        + "__version__ = '{}.{}'.format(__short_version__, PATCH_VERSION)\n"
        + "REQUIRED_PYTHON_VER = (3, 4, 2)\n"
        + "\n"
        + "PROJECT_NAME = 'Home Assistant'\n";
  }
}
