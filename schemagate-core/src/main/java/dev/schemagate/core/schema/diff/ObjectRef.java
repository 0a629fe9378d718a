package dev.schemagate.core.schema.diff;

import dev.schemagate.core.schema.ObjectKind;
import java.util.Objects;

/** Names one schema object by kind and key: {@code table public.orders}. */
public record ObjectRef(ObjectKind kind, String key) {
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return kind.label() + " " + key;
  }
}
