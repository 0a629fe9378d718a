package dev.schemagate.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads a YAML document into a Jackson tree with the streaming parser alone. Why not {@code
 * ObjectMapper.readTree}: building an ObjectMapper loads and initialises most of jackson-databind,
 * about a third of a second of every command's start-up on a small machine, and the configuration
 * needs none of it. Errors keep Jackson's locations, so messages still name the line.
 */
public final class YamlTree {
  private static final int MAX_DEPTH = 64;

  private YamlTree() {}

  /** The document's root, or a null node for an empty document. */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      return t == null ? JsonNodeFactory.instance.nullNode() : value(p, t, 0);
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "nested more than " + MAX_DEPTH + " levels deep");
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (t) {
      case START_OBJECT:
        {
          ObjectNode o = f.objectNode();
          for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
            String name = p.currentName();
            o.set(name, value(p, p.nextToken(), depth + 1));
          }
          return o;
        }
      case START_ARRAY:
        {
          ArrayNode a = f.arrayNode();
          for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
            a.add(value(p, k, depth + 1));
          }
          return a;
        }
      case VALUE_STRING:
        return f.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.INT
            ? f.numberNode(p.getIntValue())
            : f.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return f.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return f.booleanNode(true);
      case VALUE_FALSE:
        return f.booleanNode(false);
      case VALUE_NULL:
        return f.nullNode();
      default:
        return f.textNode(p.getText());
    }
  }
}
