package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Version;
import dev.releasekit.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Home Assistant's version constants in {@code homeassistant/const.py}: {@code MAJOR_VERSION},
 * {@code MINOR_VERSION} and {@code PATCH_VERSION}, which together spell a PEP 440 version.
 *
 * <pre>{@code
 * // MAJOR_VERSION = 0 / MINOR_VERSION = 57 / PATCH_VERSION = '0.dev0'
 * PythonConstants constants = PythonConstants.at("homeassistant/const.py");
 * constants.read(bytes);                          // 0.57.0.dev0 (PEP440)
 * constants.writeValue(bytes, "0.57.0");          // only '0.dev0' becomes '0'
 * }</pre>
 *
 * <p>Both the old form ({@code PATCH_VERSION = '0.dev0'}) and the annotated one
 * ({@code PATCH_VERSION: Final = "0.dev0"}) are understood; quotes, annotations and comments are kept, and a
 * constant whose value does not change is not touched. Each constant must be assigned exactly once, at the start of
 * a line, to a number or a quoted string.
 */
public record PythonConstants(String path) implements VersionFile {
  private static final String MAJOR = "MAJOR_VERSION";
  private static final String MINOR = "MINOR_VERSION";
  private static final String PATCH = "PATCH_VERSION";

  public PythonConstants {
    Objects.requireNonNull(path, "path");
  }

  /** The constants in the Python file at {@code path}, for example {@code homeassistant/const.py}. */
  public static PythonConstants at(String path) {
    return new PythonConstants(path);
  }

  /** The version the three constants spell, {@code MAJOR.MINOR.PATCH}: {@code "0.57.0.dev0"}. */
  @Override
  public String readValue(byte[] content) {
    String text = Texts.decode(path, content);
    return PythonAssignment.find(path, text, MAJOR).value() + "." + PythonAssignment.find(path, text, MINOR).value()
        + "." + PythonAssignment.find(path, text, PATCH).value();
  }

  /** The version the constants spell, read as PEP 440. */
  @Override
  public Version read(byte[] content) {
    String value = readValue(content);
    try {
      return Version.parse(value, VersionScheme.PEP440);
    } catch (PreconditionException e) {
      throw new PreconditionException(path + ": the constants " + MAJOR + ", " + MINOR + " and " + PATCH
          + " spell \"" + value + "\", which is not a PEP 440 version. " + e.getMessage(), e);
    }
  }

  /**
   * Writes a version given as text, PEP 440 ({@code "0.57.0b1"}) or its semver spelling ({@code "0.57.0-beta.1"}).
   */
  @Override
  public byte[] writeValue(byte[] content, String value) {
    Version version;
    try {
      version = Version.parse(value).inScheme(VersionScheme.PEP440);
    } catch (PreconditionException e) {
      throw new PreconditionException(path + ": cannot write \"" + value + "\" into " + MAJOR + ", " + MINOR
          + " and " + PATCH + ". " + e.getMessage(), e);
    }
    return write(content, version);
  }

  /** Writes the version's PEP 440 spelling; a semver dev or beta version is converted first. */
  @Override
  public byte[] write(byte[] content, Version version) {
    Version pep = version.inScheme(VersionScheme.PEP440);
    String text = Texts.decode(path, content);
    List<Texts.Edit> edits = new ArrayList<>();
    addEdit(edits, PythonAssignment.find(path, text, MAJOR), String.valueOf(pep.major()));
    addEdit(edits, PythonAssignment.find(path, text, MINOR), String.valueOf(pep.minor()));
    addEdit(edits, PythonAssignment.find(path, text, PATCH), pep.patchLabel());
    return edits.isEmpty() ? content : Texts.apply(content, text, edits);
  }

  private static void addEdit(List<Texts.Edit> edits, PythonAssignment assignment, String value) {
    Texts.Edit edit = assignment.edit(value);
    if (edit != null) {
      edits.add(edit);
    }
  }

  @Override
  public String toString() {
    return "PythonConstants(" + path + ")";
  }
}
