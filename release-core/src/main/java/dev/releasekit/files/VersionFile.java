package dev.releasekit.files;

import dev.releasekit.version.Version;

/** STUB: replaced by the files slice. */
public interface VersionFile {

  String path();

  String readValue(byte[] content);

  byte[] writeValue(byte[] content, String value);

  default Version read(byte[] content) {
    return Version.parse(readValue(content));
  }

  default byte[] write(byte[] content, Version version) {
    return writeValue(content, version.toString());
  }
}
