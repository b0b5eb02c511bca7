package dev.releasekit.github.internal;

/**
 * What a request may do, carried as its OkHttp tag: it decides whether {@link Retries} sends it again and whether
 * the {@link ReadOnlyGate} lets it through.
 */
public enum Kind {
  /** A GET, or a GraphQL query (a POST that only reads). Retried. */
  READ,
  /** A PUT or PATCH: sending it twice has the effect of sending it once. Retried. */
  IDEMPOTENT_WRITE,
  /** A POST that creates. Never retried blindly: {@link WriteOnce} reads back first. */
  CREATE;

  static Kind of(okhttp3.Request request) {
    Kind kind = request.tag(Kind.class);
    return kind != null ? kind : "GET".equals(request.method()) ? READ : CREATE;
  }
}
