/**
 * Versions and how they move: {@link dev.releasekit.version.Version}, its two spellings
 * ({@link dev.releasekit.version.VersionScheme}) and the bumps ({@link dev.releasekit.version.Bump}).
 *
 * <pre>{@code
 * Version current = Version.parse("0.57.0.dev0");          // PEP 440, as Home Assistant writes it
 * Version release = current.bump(Bump.RELEASE);             // 0.57.0
 * Version nextDev = release.bump(Bump.DEV);                 // 0.58.0.dev0
 * Version.parse("1.30.0").bump(Bump.MINOR);                 // 1.31.0
 * }</pre>
 *
 * <p>Unparsable text is a {@link dev.releasekit.PreconditionException} that quotes the input and lists the
 * accepted forms.
 */
package dev.releasekit.version;
