package dev.releasekit.github.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the smallest JSON instance that fits a component schema of GitHub's description: every required
 * property, nullable ones null, enums at their first value. The stub fills in the fields it models on top, so its
 * answers have the real shape (GitHub's objects have dozens of required fields) without hand-written fixtures.
 */
public final class SchemaSkeleton {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonNode spec;

  private SchemaSkeleton(JsonNode spec) {
    this.spec = spec;
  }

  private static final java.util.Map<String, SchemaSkeleton> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The skeleton of a description on the class path, read once per JVM (instances are fresh copies). */
  public static SchemaSkeleton fromResource(String resource) {
    return LOADED.computeIfAbsent(resource, SchemaSkeleton::load);
  }

  private static SchemaSkeleton load(String resource) {
    try (InputStream in = SchemaSkeleton.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new SchemaSkeleton(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh minimal instance of {@code #/components/schemas/<name>}. */
  public ObjectNode of(String name) {
    JsonNode schema = spec.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name);
    }
    JsonNode value = build(schema, 0, false);
    if (!(value instanceof ObjectNode)) {
      throw new IllegalArgumentException(name + " is not an object schema");
    }
    return (ObjectNode) value;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      current = spec.at(ref.substring(1));
    }
    return current;
  }

  private JsonNode build(JsonNode raw, int depth, boolean allowNull) {
    JsonNode schema = resolve(raw);
    boolean combined = schema.has("oneOf") || schema.has("anyOf");
    if (allowNull && schema.path("nullable").asBoolean(false) && !combined) {
      return NODES.nullNode();
    }
    if (combined && schema.path("nullable").asBoolean(false)) {
      // The validator does not accept null for a nullable oneOf, so prefer the alternative that is empty.
      for (JsonNode option : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
        JsonNode resolved = resolve(option);
        if ("object".equals(resolved.path("type").asText()) && resolved.path("properties").isEmpty()
            && !resolved.path("additionalProperties").asBoolean(true)) {
          return NODES.objectNode();
        }
      }
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        JsonNode value = build(part, depth, false);
        if (value instanceof ObjectNode) {
          merged.setAll((ObjectNode) value);
        } else {
          return value;
        }
      }
      return merged;
    }
    if (schema.has("oneOf")) {
      return build(schema.get("oneOf").get(0), depth, false);
    }
    if (schema.has("anyOf")) {
      return build(schema.get("anyOf").get(0), depth, false);
    }
    if (schema.has("enum")) {
      for (JsonNode option : schema.get("enum")) {
        if (!option.isNull()) {
          return option.deepCopy();
        }
      }
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    switch (type) {
      case "object": {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
          String name = required.asText();
          JsonNode property = properties.path(name);
          object.set(name, property.isMissingNode() ? NODES.textNode("x")
              : depth > 12 ? NODES.nullNode() : build(property, depth + 1, true));
        }
        return object;
      }
      case "array": {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        for (int i = 0; i < min; i++) {
          array.add(build(schema.path("items"), depth + 1, false));
        }
        return array;
      }
      case "integer":
      case "number":
        return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
      case "boolean":
        return NODES.booleanNode(false);
      default:
        return NODES.textNode(text(schema.path("format").asText("")));
    }
  }

  private static String text(String format) {
    switch (format) {
      case "date-time":
        return "2026-01-01T00:00:00Z";
      case "date":
        return "2026-01-01";
      case "uri":
      case "url":
        return "https://example.com/x";
      case "email":
        return "someone@example.com";
      default:
        return "x";
    }
  }

  /** Sets {@code value} at a dotted path such as {@code head.ref}, creating objects on the way. */
  public static void put(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = NODES.objectNode();
        node.set(parts[i], child);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }

  static void putAll(ObjectNode root, Map<String, JsonNode> values) {
    for (Iterator<Map.Entry<String, JsonNode>> it = values.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      put(root, entry.getKey(), entry.getValue());
    }
  }
}
