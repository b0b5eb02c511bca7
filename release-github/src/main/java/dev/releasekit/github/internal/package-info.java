/** Not API: the transport, the operations and the JSON mapping behind {@link dev.releasekit.github.GitHub}. */
package dev.releasekit.github.internal;
