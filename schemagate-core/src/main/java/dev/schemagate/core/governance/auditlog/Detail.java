package dev.schemagate.core.governance.auditlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.schemagate.core.config.ConnectionSpec;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The detail column: a JSON object, redacted value by value and stored as compact text.
 *
 * <p>Why not run the whole text through {@link ConnectionSpec#redact}: its {@code password=...}
 * pattern runs to the next {@code &} or {@code ;}, which inside JSON swallows the closing quote and
 * whatever follows, leaving invalid JSON. Redacting each string inside the parsed tree keeps the
 * object well formed.
 */
final class Detail {
  /** Read-only after construction; shared because building one is costly. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Field names whose value is a secret whatever its shape. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|pwd|passphrase|secret|private[_-]?key).*");

  private Detail() {}

  static String toJson(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "audit-log detail cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The stored form of a detail: parsed, every string and field name redacted, values of secret
   * -named fields replaced by {@code ***}, written compactly.
   *
   * @throws IllegalArgumentException when the text is not one JSON object
   */
  static String normalize(String json) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // The message quotes no input: a detail may hold the very secret we must not echo.
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new IllegalArgumentException(
          "audit-log detail is not valid JSON"
              + where
              + "; pass a JSON object such as {\"reason\": \"...\"}",
          e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          "audit-log detail must be a JSON object such as {\"reason\": \"...\"}, got "
              + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
    }
    return redact(tree).toString();
  }

  private static JsonNode redact(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(ConnectionSpec.redact(node.textValue()));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> out.add(redact(child)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        boolean secret = SECRET_NAME.matcher(f.getKey()).matches() && !f.getValue().isNull();
        out.set(
            ConnectionSpec.redact(f.getKey()),
            secret ? TextNode.valueOf("***") : redact(f.getValue()));
      }
      return out;
    }
    return node;
  }
}
