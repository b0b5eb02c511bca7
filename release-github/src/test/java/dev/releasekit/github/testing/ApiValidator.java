package dev.releasekit.github.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every request the client sends and every answer the stub gives against GitHub's OpenAPI description
 * ({@code github-openapi/api.github.com.subset.json}, copied from the shared folder). Paths the subset lacks go to
 * releasekit's own hand-written supplement ({@code releasekit-supplement.json}): the repository probe, users,
 * contributors, commits, and the envelope of {@code POST /graphql}; the repository's Actions workflow permissions
 * go to {@code api.github.com.actions-permissions.json}, that path of the official description taken from the
 * package the subset was cut from. The GraphQL query text itself is checked by
 * the stub, which refuses anything but the aliased {@code pullRequest(number: N)} read the client sends.
 *
 * <p>Two kinds of answer are generic HTTP rather than per operation, and GitHub sends them on every path
 * although the description lists them on few: {@code 304 Not Modified} to {@code If-None-Match}, the redirects
 * of a renamed repository ({@code 301}, {@code 307}, whose bodies carry a {@code message}), and the failure
 * statuses 401, 403 (rate limits), 429, 500, 502, 503 and 504. When the operation does not document such a status,
 * the answer is checked against GitHub's {@code basic-error} shape (a JSON object with a string
 * {@code message}; 304 has no body) instead of being waved through. Faults injected by the stub (connection
 * resets) have no answer to validate; their requests are validated all the same.
 */
public final class ApiValidator {
  static final String SUBSET = "/github-openapi/api.github.com.subset.json";
  static final String SUPPLEMENT = "/github-openapi/releasekit-supplement.json";
  /** One path of GitHub's official description that the shared subset lacks, from the same package version. */
  static final String ACTIONS = "/github-openapi/api.github.com.actions-permissions.json";
  private static final Set<Integer> GENERIC = Set.of(301, 304, 307, 401, 403, 429, 500, 502, 503, 504);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The parsed descriptions, read once per JVM: parsing them costs more than a whole stub test. */
  private static final class Descriptions {
    static final OpenApiInteractionValidator SUBSET_VALIDATOR = validator(SUBSET);
    static final OpenApiInteractionValidator SUPPLEMENT_VALIDATOR = validator(SUPPLEMENT);
    static final OpenApiInteractionValidator ACTIONS_VALIDATOR = validator(ACTIONS);
    static final Set<String> SUBSET_PATHS = subsetPaths();

    private static Set<String> subsetPaths() {
      Set<String> paths = new java.util.HashSet<>();
      read(SUBSET).path("paths").fieldNames().forEachRemaining(paths::add);
      return Set.copyOf(paths);
    }
  }

  private final OpenApiInteractionValidator subset;
  private final OpenApiInteractionValidator supplement;
  private final Set<String> subsetPaths;

  public ApiValidator() {
    this.subset = Descriptions.SUBSET_VALIDATOR;
    this.supplement = Descriptions.SUPPLEMENT_VALIDATOR;
    this.subsetPaths = Descriptions.SUBSET_PATHS;
  }

  private static OpenApiInteractionValidator validator(String resource) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(read(resource).toString())
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = ApiValidator.class.getResourceAsStream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The problems with one exchange; empty when both sides fit.
   *
   * @param status the answer's status, or 0 when the stub dropped the connection instead of answering
   */
  public List<String> validate(String method, String url, Map<String, List<String>> headers, String body,
      int status, Map<String, List<String>> responseHeaders, String responseBody) {
    URI uri = URI.create(url);
    String path = uri.getRawPath();
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
    headers.forEach(request::withHeader);
    if (body != null && !body.isEmpty()) {
      request.withBody(body);
    }
    query(uri.getRawQuery()).forEach(request::withQueryParam);
    Request built = request.build();
    OpenApiInteractionValidator validator = inSubset(path) ? subset
        : path.endsWith("/actions/permissions/workflow") ? Descriptions.ACTIONS_VALIDATOR : supplement;
    List<String> problems = new ArrayList<>();
    if (status == 0) {
      collect(validator.validateRequest(built), problems, method, path, "request");
      return problems;
    }
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    responseHeaders.forEach(response::withHeader);
    if (responseBody != null && !responseBody.isEmpty()) {
      response.withBody(responseBody);
    }
    Response answer = response.build();
    ValidationReport report = validator.validate(built, answer);
    boolean undocumented = report.getMessages().stream()
        .anyMatch(m -> m.getKey().equals("validation.response.status.unknown"));
    if (undocumented && GENERIC.contains(status)) {
      collect(validator.validateRequest(built), problems, method, path, "request");
      genericAnswer(status, responseBody, problems, method, path);
    } else {
      collect(report, problems, method, path, "exchange");
    }
    return problems;
  }

  private boolean inSubset(String path) {
    for (String template : subsetPaths) {
      String regex = template.replaceAll("\\{basehead}", ".+").replaceAll("\\{ref}", ".+")
          .replaceAll("\\{[^}]+}", "[^/]+");
      if (path.matches(regex)) {
        return true;
      }
    }
    return false;
  }

  private static void genericAnswer(int status, String body, List<String> problems, String method, String path) {
    if (status == 304) {
      if (body != null && !body.isEmpty()) {
        problems.add(method + " " + path + ": a 304 answer must not have a body");
      }
      return;
    }
    try {
      JsonNode error = JSON.readTree(body == null ? "" : body);
      if (error == null || !error.isObject() || !error.path("message").isTextual()) {
        problems.add(method + " " + path + ": a " + status + " answer must be GitHub's basic-error, got " + body);
      }
    } catch (IOException e) {
      problems.add(method + " " + path + ": a " + status + " answer is not JSON: " + body);
    }
  }

  private static void collect(ValidationReport report, List<String> problems, String method, String path,
      String side) {
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(method + " " + path + " (" + side + "): " + message.getKey() + ": " + message.getMessage());
      }
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
