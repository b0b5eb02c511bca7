package dev.releasekit.github.internal;

import dev.releasekit.PreconditionException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * A read-only view's gate: lets GETs and GraphQL queries through and refuses anything else before it is sent. A
 * GraphQL POST passes only when its text is a query; a mutation is a write.
 */
final class ReadOnlyGate implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean read = Kind.of(request) == Kind.READ
        && ("GET".equals(request.method()) || isGraphQlQuery(bodyOf(request)));
    if (!read) {
      throw new PreconditionException("This GitHub view is read-only and refused to send " + request.method() + " "
          + request.url().encodedPath() + ". Use the writable GitHub to change the repository, or release.plan() "
          + "to rehearse the change.");
    }
    return chain.proceed(request);
  }

  static boolean isGraphQlQuery(String body) {
    String query = JsonMaps.text(JsonMaps.object(JsonMaps.parse(body)), "query").strip();
    return query.startsWith("query") || query.startsWith("{");
  }

  private static String bodyOf(Request request) throws IOException {
    if (request.body() == null) {
      return "";
    }
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readUtf8();
  }
}
