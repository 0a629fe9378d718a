package dev.schemagate.core.governance.guard;

import dev.schemagate.core.governance.guard.ClassPath.Evidence;
import dev.schemagate.core.governance.guard.ClassPath.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring and Hibernate configuration: {@code spring.flyway.enabled}, {@code
 * spring.liquibase.enabled}, {@code spring.jpa.hibernate.ddl-auto}, {@code hibernate.hbm2ddl.auto}
 * and the JPA {@code schema-generation.database.action}, in properties, YAML and XML.
 *
 * <p>Keys are compared the way Spring's relaxed binding reads them: case, dashes and underscores do
 * not matter. A value {@code ${NAME:default}} counts as its default (turning it on takes a
 * deliberate variable); {@code ${NAME}} with no default cannot be proved off and is reported.
 *
 * <p>Flyway and Liquibase findings need the whole tree (the class path comes from build files), so
 * they are decided in {@link #finish}, after every file was read.
 */
final class ConfigRules {

  /** One {@code spring.<tool>.enabled} setting. */
  private record Flag(TextFile file, int line, Tool tool, boolean off, String value) {}

  private static final Set<String> FALSE = Set.of("false", "off", "no", "0");
  private static final Set<String> SAFE_DDL = Set.of("validate", "none", "");
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^:}]+)(?::(.*))?\\}$");
  private static final Pattern BASE_CONFIG =
      Pattern.compile("(application|bootstrap)\\.(properties|ya?ml)");
  private static final Pattern XML_DDL_NAME =
      Pattern.compile(
          "name\\s*=\\s*[\"']((?:hibernate\\.hbm2ddl\\.auto)"
              + "|(?:javax|jakarta)\\.persistence\\.schema-generation\\.database\\.action)[\"']");
  private static final Pattern XML_VALUE_ATTRIBUTE =
      Pattern.compile("value\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern XML_ELEMENT_TEXT = Pattern.compile(">\\s*([^<]*?)\\s*<");
  private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][+-]?[0-9]?[+-]?$");

  private final List<Flag> flags = new ArrayList<>();
  private final List<TextFile> configs = new ArrayList<>();

  /** Reads one Spring (or hibernate.properties) file; ddl-auto findings are added at once. */
  void readSpring(TextFile file, Findings findings) {
    configs.add(file);
    String name = file.fileName().toLowerCase(Locale.ROOT);
    List<Setting> settings =
        name.endsWith(".properties") ? properties(file.lines()) : yaml(file.lines());
    for (Setting s : settings) {
      String key = normalize(s.key());
      for (Tool tool : Tool.values()) {
        if (key.equals(normalize(tool.property))) {
          Value v = Value.of(s.value());
          boolean off = !v.unresolved() && FALSE.contains(v.lower());
          flags.add(new Flag(file, s.line(), tool, off, s.value()));
        }
      }
      if (isDdlKey(key)) {
        checkDdl(file, s.line(), s.key(), s.value(), findings);
      }
    }
  }

  /** Reads persistence.xml or hibernate.cfg.xml. */
  void readHibernateXml(TextFile file, Findings findings) {
    List<String> lines = Comments.xml(file.lines());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher name = XML_DDL_NAME.matcher(line);
      if (!name.find()) {
        continue;
      }
      String rest = line.substring(name.end());
      Matcher value = XML_VALUE_ATTRIBUTE.matcher(line);
      Matcher text = XML_ELEMENT_TEXT.matcher(rest);
      String v = value.find() ? value.group(1) : text.find() ? text.group(1) : null;
      if (v != null) {
        checkDdl(file, i + 1, name.group(1), v, findings);
      }
    }
  }

  /** Decides the Flyway and Liquibase findings once the class path is known. */
  void finish(ClassPath classPath, Findings findings) {
    for (Tool tool : Tool.values()) {
      List<Evidence> evidence = classPath.evidence(tool);
      boolean present = !evidence.isEmpty();
      for (Flag f : flags) {
        if (f.tool() != tool || f.off() || !(present || !classPath.known())) {
          continue;
        }
        String why =
            present
                ? tool.property
                    + " is "
                    + shown(f.value())
                    + " and "
                    + tool.label
                    + " is on the class path ("
                    + evidence.get(0).where()
                    + "): "
                    + tool.trigger.why()
                : tool.property
                    + " is "
                    + shown(f.value())
                    + " and no build file in the scanned tree shows whether "
                    + tool.label
                    + " is on the class path; if it is, "
                    + tool.trigger.why();
        findings.addLine(f.file(), f.line(), tool.trigger, why, tool.trigger.fix());
      }
      if (!present || !classPath.springBoot()) {
        continue;
      }
      for (Evidence e : evidence) {
        if (!settingInBaseConfig(tool, governingConfigs(e))) {
          String why =
              tool.label
                  + " is on the class path of a Spring Boot application and no base"
                  + " application configuration sets "
                  + tool.property
                  + ": it is enabled by default, and "
                  + tool.trigger.why();
          findings.addLine(e.file(), e.line(), tool.trigger, why, tool.trigger.fix());
        }
      }
    }
  }

  /**
   * The Spring configuration files that govern a build file: those in its own directory tree, or,
   * when it has none (a library module of a multi-module build), every one in the scanned tree.
   */
  private List<TextFile> governingConfigs(Evidence e) {
    String dir = e.file().directory();
    List<TextFile> own = new ArrayList<>();
    for (TextFile c : configs) {
      if (dir.isEmpty() || c.path().startsWith(dir + "/")) {
        own.add(c);
      }
    }
    return own.isEmpty() ? configs : own;
  }

  /**
   * Whether a base (profile-less) configuration says anything about the tool. When it says "on",
   * that line is the finding; when "off", there is none; either way the build line is not.
   */
  private boolean settingInBaseConfig(Tool tool, List<TextFile> governing) {
    for (Flag f : flags) {
      if (f.tool() == tool
          && governing.contains(f.file())
          && BASE_CONFIG.matcher(f.file().fileName().toLowerCase(Locale.ROOT)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static void checkDdl(TextFile file, int line, String key, String raw, Findings findings) {
    Value v = Value.of(raw);
    String why;
    if (v.unresolved()) {
      why =
          key
              + " comes from "
              + v.text()
              + " with no default, so it may be create or update: "
              + GuardTrigger.HIBERNATE_DDL_AUTO.why();
    } else if (!SAFE_DDL.contains(v.lower())) {
      why = key + " is " + v.text() + ": " + GuardTrigger.HIBERNATE_DDL_AUTO.why();
    } else {
      return;
    }
    findings.addLine(
        file, line, GuardTrigger.HIBERNATE_DDL_AUTO, why, GuardTrigger.HIBERNATE_DDL_AUTO.fix());
  }

  private static boolean isDdlKey(String normalized) {
    return normalized.equals("spring.jpa.hibernate.ddlauto")
        || normalized.equals("hibernate.hbm2ddl.auto")
        || normalized.endsWith(".hibernate.hbm2ddl.auto")
        || normalized.endsWith("persistence.schemageneration.database.action");
  }

  private static String shown(String raw) {
    return raw.isBlank() ? "empty" : raw.strip();
  }

  /** Spring's relaxed binding: case, dashes and underscores do not matter; [0] indexes neither. */
  static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** A key and its raw value at a line. */
  record Setting(int line, String key, String value) {}

  /** A configuration value with quotes removed and a Spring placeholder reduced to its default. */
  private record Value(String text, boolean unresolved) {
    static Value of(String raw) {
      String s = YamlLines.unquote(raw.strip()).strip();
      Matcher m = PLACEHOLDER.matcher(s);
      if (m.matches()) {
        return m.group(2) == null ? new Value(s, true) : of(m.group(2));
      }
      return new Value(s, false);
    }

    String lower() {
      return text.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A .properties file's settings: {@code key=value}, {@code key: value} or {@code key value};
   * {@code #} and {@code !} comments; a trailing backslash continues the value on the next line.
   */
  static List<Setting> properties(List<String> lines) {
    List<Setting> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int start = i;
      StringBuilder logical = new StringBuilder(lines.get(i).stripLeading());
      while (endsWithContinuation(logical) && i + 1 < lines.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(lines.get(++i).stripLeading());
      }
      String s = logical.toString();
      if (s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == '!') {
        continue;
      }
      int k = 0;
      while (k < s.length()) {
        char c = s.charAt(k);
        if (c == '\\') {
          k += 2;
          continue;
        }
        if (c == '=' || c == ':' || Character.isWhitespace(c)) {
          break;
        }
        k++;
      }
      String key = s.substring(0, Math.min(k, s.length())).replace("\\", "");
      String rest = k >= s.length() ? "" : s.substring(k).stripLeading();
      if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
        rest = rest.substring(1);
      }
      out.add(new Setting(start + 1, key, rest.strip()));
    }
    return out;
  }

  private static boolean endsWithContinuation(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** A YAML file's scalar settings under their dotted key paths. */
  static List<Setting> yaml(List<String> lines) {
    List<Setting> out = new ArrayList<>();
    for (YamlLines.Entry e : YamlLines.read(lines)) {
      if (e.key() != null && !e.value().isEmpty() && !BLOCK_SCALAR.matcher(e.value()).matches()) {
        out.add(new Setting(e.line(), e.dottedKey(), e.value()));
      }
    }
    return out;
  }
}
