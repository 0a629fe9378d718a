package dev.schemagate.core.lint.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the line of a header entry (revision, down_revision, depends_on) in a migration file, so
 * graph findings point at the line to edit. Revisions carry only their file, not header lines.
 *
 * <p>Trap: files may be pseudo paths (tests) or unreadable; every miss answers line 1, never an
 * exception. Linear layouts (Flyway, diesel, ...) have no headers at all: line 1 is right there.
 */
final class HeaderLines {
  /** Header lines live near the top; reading further only costs time on large files. */
  private static final int MAX_LINES = 200;

  private final Map<Path, List<String>> cache = new HashMap<>();

  /**
   * The first line that mentions {@code key} and {@code id}, else one that mentions key, else 1.
   */
  int find(Path file, String key, String id) {
    List<String> lines = lines(file);
    int keyOnly = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).toLowerCase(Locale.ROOT);
      if (!l.contains(key) || (key.equals("revision") && l.contains("down_revision"))) {
        continue;
      }
      if (id == null || lines.get(i).contains(id)) {
        return i + 1;
      }
      if (keyOnly == 0) {
        keyOnly = i + 1;
      }
    }
    return keyOnly == 0 ? 1 : keyOnly;
  }

  private List<String> lines(Path file) {
    if (file == null) {
      return List.of();
    }
    return cache.computeIfAbsent(file, HeaderLines::read);
  }

  private static List<String> read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return List.of();
      }
      // ISO-8859-1 never fails to decode; header keys and ids are ASCII either way.
      try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
        return reader.lines().limit(MAX_LINES).toList();
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
