/**
 * Byte-minimal edits of the files that hold a version: only the characters of the value change; quotes,
 * indentation, comments, key order and line endings stay.
 *
 * <ul>
 *   <li>{@link dev.releasekit.files.PythonConstants}: Home Assistant's {@code MAJOR_VERSION}, {@code MINOR_VERSION},
 *       {@code PATCH_VERSION};
 *   <li>{@link dev.releasekit.files.PythonString}: {@code VERSION = "1.30.0"};
 *   <li>{@link dev.releasekit.files.JsonValue} and {@link dev.releasekit.files.YamlValue}: a value at a dotted key
 *       path ({@code package.json}'s {@code version}, a Helm chart's {@code image.default});
 *   <li>{@link dev.releasekit.files.MarkerLine}: the version on lines marked {@code x-releasekit-version};
 *   <li>{@link dev.releasekit.files.PrependSection}: a changelog that grows at the top;
 *   <li>{@link dev.releasekit.files.JsonArrayHead}: a JSON array that grows at the front ({@code versions.json}).
 * </ul>
 *
 * <pre>{@code
 * VersionFile chart = YamlValue.at("charts/posthog/Chart.yaml", "appVersion");
 * byte[] updated = chart.write(Files.readAllBytes(path), Version.parse("1.31.0"));
 * }</pre>
 *
 * <p>The updaters work on bytes and never touch the disk: the engine reads and writes the files, so a plan can
 * rehearse every edit. A value that cannot be found is a {@link dev.releasekit.PreconditionException} naming the file
 * and the key.
 */
package dev.releasekit.files;
