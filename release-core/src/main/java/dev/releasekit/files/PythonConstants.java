package dev.releasekit.files;

/** STUB: replaced by the files slice. */
public final class PythonConstants implements VersionFile {
  private final String path;

  private PythonConstants(String path) {
    this.path = path;
  }

  public static PythonConstants at(String path) {
    return new PythonConstants(path);
  }

  public static PythonConstants at(String path, String variable) {
    return new PythonConstants(path);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String readValue(byte[] content) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] writeValue(byte[] content, String value) {
    throw new UnsupportedOperationException();
  }
}
