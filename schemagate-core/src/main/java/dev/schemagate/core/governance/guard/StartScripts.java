package dev.schemagate.core.governance.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shell scripts that a start command runs ({@code ENTRYPOINT ["/docker-entrypoint.sh"]}, {@code
 * release: ./bin/release.sh}), so the guard reads them as start-up paths too. A script nobody
 * starts (a CI script, a developer helper) is never read.
 *
 * <p>Scripts are matched by file name: a start command names the path inside the image, which
 * rarely matches the path in the repository. Every script of that name in the tree is read.
 */
final class StartScripts {

  /** Where each script name is started from: {@code Dockerfile:9}. */
  private final Map<String, List<String>> startedFrom = new LinkedHashMap<>();

  /** Whether a file name could be a start script worth remembering during the walk. */
  static boolean mayBeScript(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".sh") || n.endsWith(".bash") || n.contains("entrypoint");
  }

  /** Records the script names among a start command's words. */
  void noteCommand(String where, String word) {
    String base = word.substring(word.lastIndexOf('/') + 1);
    if (!base.isEmpty() && mayBeScript(base)) {
      List<String> list = startedFrom.computeIfAbsent(base, b -> new ArrayList<>());
      if (!list.contains(where)) {
        list.add(where);
      }
    }
  }

  /** Where a script of this name is started from; empty when nothing starts it. */
  List<String> startedFrom(String fileName) {
    return startedFrom.getOrDefault(fileName, List.of());
  }
}
