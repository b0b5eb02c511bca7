package dev.releasekit.files;

import dev.releasekit.PreconditionException;
import dev.releasekit.version.Version;

/**
 * One place in one file that holds the project's version, read and written as bytes so that nothing but the value
 * changes: quotes, indentation, comments, key order and line endings stay as they were.
 *
 * <pre>{@code
 * VersionFile file = PythonString.at("posthog/version.py", "VERSION");
 * byte[] before = Files.readAllBytes(repo.resolve(file.path()));
 * Version current = file.read(before);                          // 1.30.0
 * byte[] after = file.write(before, current.bump(Bump.MINOR));  // only "1.30.0" became "1.31.0"
 * }</pre>
 *
 * <p>Implementations are immutable and locate the value with the same code for reading and writing. A value that
 * cannot be found is a {@link PreconditionException} naming the file and the key, never a silent skip. Writing the
 * value that is already there returns bytes equal to the input.
 */
public interface VersionFile {

  /** The file's path relative to the repository root, with forward slashes. */
  String path();

  /**
   * The value as it is written in the file, without quotes.
   *
   * @throws PreconditionException if the content is null or the value cannot be found
   */
  String readValue(byte[] content);

  /**
   * The content with the value replaced by {@code value}; every other byte is unchanged.
   *
   * @throws PreconditionException if the content is null, the value cannot be found, or {@code value} cannot be
   *     written there
   */
  byte[] writeValue(byte[] content, String value);

  /**
   * The value parsed as a version; the scheme is inferred (see {@link Version#parse(String)}).
   *
   * @throws PreconditionException if the value is missing or is not a version; the message names the file
   */
  default Version read(byte[] content) {
    String value = readValue(content);
    try {
      return Version.parse(value);
    } catch (PreconditionException e) {
      throw new PreconditionException(path() + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code version} in its canonical spelling, {@link Version#toString()}. */
  default byte[] write(byte[] content, Version version) {
    return writeValue(content, version.toString());
  }
}
