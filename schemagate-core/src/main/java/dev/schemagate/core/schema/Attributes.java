package dev.schemagate.core.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ordered attribute maps of {@link SchemaObject#attributes()}. */
final class Attributes {
  private final Map<String, String> map = new LinkedHashMap<>();

  Attributes put(String name, Object value) {
    map.put(name, value == null ? null : value.toString());
    return this;
  }

  Attributes put(String name, List<String> values) {
    map.put(name, values == null ? null : String.join(", ", values));
    return this;
  }

  Map<String, String> build() {
    return Collections.unmodifiableMap(map);
  }
}
