package dev.schemagate.core.governance.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the build files in the tree put on the application's runtime class path, as far as the guard
 * cares: Flyway, Liquibase and Spring Boot.
 *
 * <p>The traps, each a near-miss that must not count: the Flyway and Liquibase build plugins
 * ({@code flyway-maven-plugin}, the Gradle plugin) run only when someone calls them; a dependency
 * in {@code <dependencyManagement>}, a Gradle {@code constraints} block or {@code buildscript} pins
 * a version without adding it; a {@code test}-scoped dependency is not there when the application
 * starts; and a commented-out dependency is not a dependency.
 */
final class ClassPath {

  /** The migration tools Spring Boot starts by itself. */
  enum Tool {
    FLYWAY(
        "Flyway",
        "spring.flyway.enabled",
        GuardTrigger.SPRING_FLYWAY_ENABLED,
        Pattern.compile(
            "flyway-(?!maven-plugin\\b|gradle-plugin\\b|commandline\\b)[a-z0-9-]+"
                + "|spring-boot-(?:starter-)?flyway")),
    LIQUIBASE(
        "Liquibase",
        "spring.liquibase.enabled",
        GuardTrigger.SPRING_LIQUIBASE_ENABLED,
        Pattern.compile("liquibase-core|spring-boot-(?:starter-)?liquibase"));

    final String label;
    final String property;
    final GuardTrigger trigger;
    private final Pattern artifact;

    Tool(String label, String property, GuardTrigger trigger, Pattern artifact) {
      this.label = label;
      this.property = property;
      this.trigger = trigger;
      this.artifact = artifact;
    }
  }

  /** One build file line that puts a tool on the class path. */
  record Evidence(TextFile file, int line) {
    String where() {
      return file.path() + ":" + line;
    }
  }

  private static final Pattern MAVEN_TAG =
      Pattern.compile(
          "<(/?)(dependencyManagement|plugin|dependency|artifactId|scope)(?:\\s[^>]*)?>([^<]*)");
  private static final Pattern GRADLE_CONFIGURATION =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9]*)\\s*[(\\s'\"]");
  private static final Pattern GRADLE_BLOCK_WITHOUT_CLASSPATH =
      Pattern.compile("\\b(buildscript|constraints|dependencyManagement|plugins)\\s*\\{");
  private static final Pattern GRADLE_CATALOG_FLYWAY =
      Pattern.compile("\\blibs\\.flyway\\.(?!gradle|plugin)\\w");
  private static final Pattern GRADLE_CATALOG_LIQUIBASE =
      Pattern.compile("\\blibs\\.liquibase\\.core\\b");
  private static final Pattern SPRING_BOOT =
      Pattern.compile("spring-boot|org\\.springframework\\.boot");

  private final Map<Tool, List<Evidence>> evidence = new EnumMap<>(Tool.class);
  private boolean springBoot;
  private int buildFiles;

  ClassPath() {
    for (Tool t : Tool.values()) {
      evidence.put(t, new ArrayList<>());
    }
  }

  void read(TextFile file) {
    buildFiles++;
    if (file.kind() == TextFile.Kind.MAVEN_BUILD) {
      readMaven(file);
    } else {
      readGradle(file);
    }
  }

  /** The lines that put the tool on the class path, in file and line order, one per file. */
  List<Evidence> evidence(Tool tool) {
    return evidence.get(tool);
  }

  boolean springBoot() {
    return springBoot;
  }

  /** False when the tree holds no build file at all: what is on the class path is unknown. */
  boolean known() {
    return buildFiles > 0;
  }

  private void found(Tool tool, TextFile file, int line) {
    List<Evidence> list = evidence.get(tool);
    for (Evidence e : list) {
      if (e.file().path().equals(file.path())) {
        return;
      }
    }
    list.add(new Evidence(file, line));
  }

  private void readMaven(TextFile file) {
    List<String> lines = Comments.xml(file.lines());
    int management = 0;
    int plugin = 0;
    boolean inDependency = false;
    String artifact = null;
    int artifactLine = 0;
    String scope = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (SPRING_BOOT.matcher(line).find()) {
        springBoot = true;
      }
      Matcher m = MAVEN_TAG.matcher(line);
      while (m.find()) {
        boolean close = !m.group(1).isEmpty();
        String tag = m.group(2);
        String text = m.group(3).strip();
        switch (tag) {
          case "dependencyManagement" -> management += close ? -1 : 1;
          case "plugin" -> plugin += close ? -1 : 1;
          case "dependency" -> {
            if (!close) {
              inDependency = true;
              artifact = null;
              scope = "";
            } else if (inDependency) {
              inDependency = false;
              if (management <= 0 && plugin <= 0 && artifact != null && !scope.equals("test")) {
                for (Tool t : Tool.values()) {
                  if (t.artifact.matcher(artifact).matches()) {
                    found(t, file, artifactLine);
                  }
                }
              }
            }
          }
          case "artifactId" -> {
            if (!close && inDependency) {
              artifact = text;
              artifactLine = i + 1;
            }
          }
          case "scope" -> {
            if (!close && inDependency) {
              scope = text.toLowerCase(Locale.ROOT);
            }
          }
          default -> {}
        }
      }
    }
  }

  private void readGradle(TextFile file) {
    List<String> lines = Comments.cStyle(file.lines());
    // Depth of braces, and the depth at which a block that adds nothing to the class path opened.
    int depth = 0;
    int excludedAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (SPRING_BOOT.matcher(line).find()) {
        springBoot = true;
      }
      if (excludedAt < 0 && GRADLE_BLOCK_WITHOUT_CLASSPATH.matcher(line).find()) {
        excludedAt = depth;
      }
      if (excludedAt < 0 && countsForRuntime(line)) {
        for (Tool t : Tool.values()) {
          Pattern catalog = t == Tool.FLYWAY ? GRADLE_CATALOG_FLYWAY : GRADLE_CATALOG_LIQUIBASE;
          if (findArtifact(t, line) || catalog.matcher(line).find()) {
            found(t, file, i + 1);
          }
        }
      }
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '{') {
          depth++;
        } else if (ch == '}') {
          depth--;
          if (excludedAt >= 0 && depth <= excludedAt) {
            excludedAt = -1;
          }
        }
      }
    }
  }

  /** A Gradle dependency line whose configuration is not a test or build-script one. */
  private static boolean countsForRuntime(String line) {
    Matcher m = GRADLE_CONFIGURATION.matcher(line);
    if (!m.find()) {
      return true;
    }
    String configuration = m.group(1).toLowerCase(Locale.ROOT);
    return !configuration.contains("test") && !configuration.equals("classpath");
  }

  /** The artifact as a whole word of a Gradle coordinate ({@code org.flywaydb:flyway-core:10}). */
  private static boolean findArtifact(Tool tool, String line) {
    Matcher m = tool.artifact.matcher(line);
    while (m.find()) {
      boolean startOk = m.start() == 0 || !isNameChar(line.charAt(m.start() - 1));
      boolean endOk = m.end() == line.length() || !isNameChar(line.charAt(m.end()));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }
}
