package dev.releasekit.github.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Remembers the {@code ETag} of every 200 answer to a GET and sends it back as {@code If-None-Match}, so a
 * repeated read is a {@code 304} that GitHub does not charge to the rate limit. A 304 comes back to the caller as
 * the remembered 200 (with the new answer's headers, and the remembered {@code Link}), marked by a
 * {@link Response#cacheResponse()}. The last 1000 URLs are kept.
 */
final class EtagCache implements Interceptor {
  private record Cached(String etag, String body, MediaType type, Headers headers) {}

  private final Map<String, Cached> entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > 1000;
    }
  });

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!"GET".equals(request.method())) {
      return chain.proceed(request);
    }
    String key = request.url().toString();
    Cached cached = entries.get(key);
    Response response = chain.proceed(cached == null ? request
        : request.newBuilder().header("If-None-Match", cached.etag()).build());
    if (response.code() == 304 && cached != null) {
      response.close();
      Headers.Builder headers = cached.headers().newBuilder();
      for (String name : response.headers().names()) {
        headers.set(name, response.header(name));
      }
      headers.removeAll("Link");
      String link = cached.headers().get("Link");
      if (link != null) {
        headers.set("Link", link);
      }
      return response.newBuilder()
          .code(200)
          .message("OK")
          .headers(headers.build())
          .body(ResponseBody.create(cached.body(), cached.type()))
          .cacheResponse(response.newBuilder().body(null).networkResponse(null).cacheResponse(null)
              .priorResponse(null).build())
          .build();
    }
    String etag = response.header("ETag");
    if (response.code() != 200 || etag == null || response.body() == null) {
      return response;
    }
    MediaType type = response.body().contentType();
    String body = response.body().string();
    entries.put(key, new Cached(etag, body, type, response.headers()));
    return response.newBuilder().body(ResponseBody.create(body, type)).build();
  }
}
