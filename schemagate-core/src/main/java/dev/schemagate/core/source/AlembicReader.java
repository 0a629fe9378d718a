package dev.schemagate.core.source;

import dev.schemagate.core.revision.Revision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Alembic revision modules <em>statically</em>, for the graph, lint and audit: nothing is
 * imported or executed, and the {@code Migrator} refuses to run an {@link Layout#ALEMBIC} source.
 *
 * <p>Reads the {@code .py} files of the folder and of its {@code versions/} sub-folder (so both the
 * Alembic environment folder and the versions folder can be given). A module is a revision when it
 * has a top-level {@code revision = '...'} assignment (a type annotation such as {@code revision:
 * str = "..."} is allowed); other modules ({@code env.py}, {@code __init__.py}) and other files are
 * strays. Recognised values: a string, {@code None}, or a tuple or list of strings (possibly over
 * several lines), for {@code down_revision} (a tuple is a merge), {@code branch_labels} and {@code
 * depends_on}. Anything computed is an error naming the line.
 *
 * <p>{@code up} and {@code down} both hold the whole module source with {@code firstLine} 1: the
 * audit shows the code, it does not pretend to know its SQL. The message is the first line of the
 * module docstring. {@code versioned} is in file-name order, which means nothing.
 */
public final class AlembicReader implements SourceReader {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(revision|down_revision|branch_labels|depends_on)\\s*(?::[^=]*)?=(.*)$");
  private static final Pattern REVISION_LINE =
      Pattern.compile("(?m)^revision\\s*(?::[^=]*)?=\\s*['\"]");

  @Override
  public Layout layout() {
    return Layout.ALEMBIC;
  }

  /** Counts {@code .py} files (here and in {@code versions/}) with a top-level revision. */
  @Override
  public int score(Path directory, List<Path> entries) {
    int score = 0;
    for (Path p : candidates(entries, new ArrayList<>())) {
      try {
        if (REVISION_LINE.matcher(SourceFiles.readUtf8(p)).find()) {
          score++;
        }
      } catch (SourceException e) {
        // Unreadable files do not count here; read() reports them properly.
      }
    }
    return score;
  }

  @Override
  public MigrationSource read(Path directory) {
    List<StrayFile> strays = new ArrayList<>();
    List<MigrationScript> scripts = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path p : candidates(SourceFiles.list(directory), strays)) {
      String text = SourceFiles.readUtf8(p);
      if (!REVISION_LINE.matcher(text).find()) {
        strays.add(new StrayFile(p, "Python module without a top-level revision = '...'"));
        continue;
      }
      MigrationScript script = parse(p, text);
      Path earlier = seen.putIfAbsent(script.id(), p);
      if (earlier != null) {
        throw new SourceException(
            p,
            0,
            "revision " + script.id() + " is also declared by " + earlier,
            "give one of them a new revision id");
      }
      scripts.add(script);
    }
    return new MigrationSource(directory, Layout.ALEMBIC, scripts, List.of(), List.of(), strays);
  }

  private static List<Path> candidates(List<Path> entries, List<StrayFile> strays) {
    List<Path> py = new ArrayList<>();
    for (Path p : entries) {
      String name = SourceFiles.name(p);
      // Names before stats: a stat per entry is what makes a large folder slow to look at.
      if (name.equals("versions") && SourceFiles.isDirectory(p)) {
        for (Path inner : SourceFiles.list(p)) {
          if (SourceFiles.name(inner).endsWith(".py") && !SourceFiles.isDirectory(inner)) {
            py.add(inner);
          } else {
            strays.add(new StrayFile(inner, "not a .py revision module"));
          }
        }
      } else if (name.endsWith(".py") && !SourceFiles.isDirectory(p)) {
        py.add(p);
      } else {
        strays.add(new StrayFile(p, "not a .py revision module"));
      }
    }
    return py;
  }

  static MigrationScript parse(Path file, String text) {
    TextLines lines = new TextLines(text);
    Map<String, List<String>> values = new HashMap<>();
    Map<String, Integer> valueLine = new HashMap<>();
    for (int n = 1; n <= lines.count(); n++) {
      Matcher m = ASSIGNMENT.matcher(lines.line(n));
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1);
      StringBuilder value = new StringBuilder(m.group(2));
      int start = n;
      while (depth(value) > 0 && n < lines.count()) {
        n++;
        value.append('\n').append(lines.line(n));
      }
      values.put(key, literal(file, start, key, value.toString()));
      valueLine.put(key, start);
    }
    List<String> revision = values.get("revision");
    if (revision == null || revision.size() != 1) {
      throw new SourceException(
          file,
          valueLine.getOrDefault("revision", 0),
          "revision must be one string",
          "write revision = '<id>'");
    }
    List<String> down = values.get("down_revision");
    if (down == null) {
      throw new SourceException(
          file,
          0,
          "no top-level down_revision assignment",
          "write down_revision = None for a root, or the parent revision id");
    }
    SqlSection source = new SqlSection(text, file, 1);
    return new MigrationScript(
        new Revision(
            revision.get(0),
            down,
            new LinkedHashSet<>(values.getOrDefault("branch_labels", List.of())),
            values.getOrDefault("depends_on", List.of()),
            docstringTitle(lines),
            file),
        source,
        source,
        true,
        null,
        Checksums.sha256(text),
        MigrationScript.Kind.VERSIONED);
  }

  /** Open brackets minus closed ones, outside string literals. */
  private static int depth(CharSequence s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      }
    }
    return depth;
  }

  /**
   * Parses {@code None}, a string, or a tuple or list of strings into a list (None: empty). Any
   * other expression is an error: this reader does not evaluate Python.
   */
  private static List<String> literal(Path file, int line, String key, String value) {
    List<String> out = new ArrayList<>();
    String s = value.strip();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '[' || c == ']') {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw unsupported(file, line, key, value);
        }
        out.add(s.substring(i + 1, end));
        i = end + 1;
      } else if (s.startsWith("None", i)) {
        i += 4;
      } else {
        throw unsupported(file, line, key, value);
      }
    }
    return out;
  }

  private static SourceException unsupported(Path file, int line, String key, String value) {
    return new SourceException(
        file,
        line,
        key + " = " + value.strip() + " is not a string, None, or a tuple of strings",
        "write the value as literal strings; schemagate reads Alembic files without running them");
  }

  private static String docstringTitle(TextLines lines) {
    for (int n = 1; n <= lines.count(); n++) {
      String t = lines.line(n).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (!t.startsWith("\"\"\"") && !t.startsWith("'''")) {
        return "";
      }
      String rest = t.substring(3);
      String delimiter = t.substring(0, 3);
      if (rest.contains(delimiter)) {
        return rest.substring(0, rest.indexOf(delimiter)).strip();
      }
      if (!rest.isBlank()) {
        return rest.strip();
      }
      return n < lines.count() ? lines.line(n + 1).strip() : "";
    }
    return "";
  }
}
