package dev.releasekit.files;

/** STUB: replaced by the files slice. */
public final class PythonString implements VersionFile {
  private final String path;

  private PythonString(String path) {
    this.path = path;
  }

  public static PythonString at(String path) {
    return new PythonString(path);
  }

  public static PythonString at(String path, String variable) {
    return new PythonString(path);
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
