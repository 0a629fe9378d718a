package dev.schemagate.core.governance.guard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A candidate file read as text: its path relative to the root, its kind and its lines.
 *
 * @param path relative, {@code /}-separated
 * @param kind what the file name says it is
 * @param lines the lines without terminators (LF, CRLF and CR all end a line)
 * @param inTestCode whether the path says this is test code or test configuration
 */
record TextFile(String path, Kind kind, List<String> lines, boolean inTestCode) {

  /** What a file can be, from its name alone. */
  enum Kind {
    SPRING_CONFIG,
    MAVEN_BUILD,
    GRADLE_BUILD,
    HIBERNATE_XML,
    PYTHON,
    DOCKERFILE,
    COMPOSE,
    PROCFILE,
    /** Any other YAML: a Kubernetes manifest when a document says {@code kind: Deployment}... */
    YAML,
    /** A shell script, read only when a start command runs it (see {@link StartScripts}). */
    SCRIPT
  }

  private static final Pattern SPRING =
      Pattern.compile("(application|bootstrap)([-.][^/]*)?\\.(properties|ya?ml)");
  private static final Pattern COMPOSE_NAME =
      Pattern.compile("(docker-)?compose([-.][^/]*)?\\.ya?ml");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern CAMEL_TEST_DIR = Pattern.compile("[a-z]+Tests?");
  private static final Pattern SUFFIX_TEST_DIR = Pattern.compile(".+[-_]tests?");

  /** The kind of a file, from its name, or null when no trigger can live in it. */
  static Kind kindOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (SPRING.matcher(n).matches() || n.equals("hibernate.properties")) {
      return Kind.SPRING_CONFIG;
    }
    if (n.equals("pom.xml")) {
      return Kind.MAVEN_BUILD;
    }
    if (n.equals("build.gradle") || n.equals("build.gradle.kts")) {
      return Kind.GRADLE_BUILD;
    }
    if (n.equals("persistence.xml") || n.equals("hibernate.cfg.xml")) {
      return Kind.HIBERNATE_XML;
    }
    if (n.endsWith(".py")) {
      return Kind.PYTHON;
    }
    if (n.equals("dockerfile")
        || n.startsWith("dockerfile.")
        || n.endsWith(".dockerfile")
        || n.equals("containerfile")
        || n.startsWith("containerfile.")) {
      return Kind.DOCKERFILE;
    }
    if (COMPOSE_NAME.matcher(n).matches()) {
      return Kind.COMPOSE;
    }
    if (n.equals("procfile") || n.startsWith("procfile.")) {
      return Kind.PROCFILE;
    }
    if (n.endsWith(".yml") || n.endsWith(".yaml")) {
      return Kind.YAML;
    }
    return null;
  }

  /**
   * Whether a relative path is test code: a directory named {@code test}, {@code tests}, {@code
   * testing}, {@code __tests__}, {@code *-tests}, {@code integrationTest}..., or a Python test
   * module ({@code test_*.py}, {@code *_test.py}, {@code conftest.py}).
   */
  static boolean isTestPath(String relative) {
    String[] parts = relative.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      String p = parts[i];
      String lower = p.toLowerCase(Locale.ROOT);
      if (lower.equals("test")
          || lower.equals("tests")
          || lower.equals("testing")
          || lower.equals("__tests__")
          || SUFFIX_TEST_DIR.matcher(lower).matches()
          || CAMEL_TEST_DIR.matcher(p).matches()) {
        return true;
      }
    }
    String name = parts[parts.length - 1].toLowerCase(Locale.ROOT);
    return name.endsWith(".py")
        && (name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py"));
  }

  /** Splits text into lines; a trailing line break does not make an extra empty line. */
  static List<String> lines(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] parts = LINE_BREAK.split(text, -1);
    int n = parts.length;
    if (n > 0 && parts[n - 1].isEmpty()) {
      n--;
    }
    return List.of(parts).subList(0, n);
  }

  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The directory part of the path, "" for a file at the root. */
  String directory() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
