package dev.schemagate.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.source.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of {@code schemagate.yaml}, validated when loaded and immutable after.
 *
 * <pre>
 * migrations: migrations            # folder, relative to this file
 * layout: native                    # optional; auto-detected when absent
 * default_environment: local        # optional
 * environments:
 *   local:
 *     url: jdbc:sqlite:app.db       # a literal URL is allowed only without a password
 *     governed: false
 *   staging:
 *     url_env: STAGING_DATABASE_URL # the URL comes from this environment variable
 *     governed: true
 *     approvals:                    # optional: what its work orders need
 *       required: 2
 *       roles: [manager, final_authority]
 *       final_approver: alice         # a person whose role is final_authority
 *     windows:                        # optional: when changes may run
 *       - {days: [tue, wed], from: '22:00', to: '02:00', time_zone: Europe/Berlin}
 * lint:                             # optional
 *   pg_version: 16                  # the PostgreSQL major version the rules assume
 *   rules:                          # severity per rule id: error, warning, info or off
 *     prefer-robust-stmts: off
 * people:                           # optional: who drafts and who signs
 *   alice: {role: final_authority, public_key: 'ed25519:MCowBQYDK2VwAyEA...'}
 *   wendy: {role: worker}
 * </pre>
 *
 * @param file the file read
 * @param migrations the migrations folder, absolute
 * @param layout the forced layout, or null for auto-detection
 * @param defaultEnvironment the environment used when none is named, or null
 * @param environments by name, in file order
 * @param lint the lint settings ({@link Lint#DEFAULTS} when the section is absent)
 * @param people by name, in file order; empty when the section is absent
 */
public record ProjectConfig(
    Path file,
    Path migrations,
    Layout layout,
    String defaultEnvironment,
    Map<String, Environment> environments,
    Lint lint,
    Map<String, Person> people) {

  private static final Set<String> TOP_KEYS =
      Set.of("migrations", "layout", "default_environment", "environments", "lint", "people");
  private static final Set<String> LINT_KEYS = Set.of("pg_version", "rules");
  private static final Set<String> SEVERITIES = Set.of("error", "warning", "info", "off");
  private static final Set<String> ENV_KEYS =
      Set.of("url", "url_env", "governed", "description", "approvals", "windows");

  /**
   * One named target database.
   *
   * @param name its name
   * @param url a literal URL without a password, or null
   * @param urlEnv the environment variable holding the URL, or null
   * @param governed whether changes need the governance gate
   * @param approvals what its work orders need, or null when none is configured (a governed
   *     environment without one can never pass the gate)
   * @param windows when changes may run; empty for any time
   */
  public record Environment(
      String name,
      String url,
      String urlEnv,
      boolean governed,
      ApprovalPolicy approvals,
      List<ExecutionWindow> windows) {
    public Environment {
      windows = List.copyOf(windows);
    }
  }

  /**
   * The {@code lint:} section. Rule ids are checked against the rules when lint runs (this record
   * does not know them); severities are checked here.
   *
   * @param pgVersion the PostgreSQL major version the rules assume, or 0 for the linter's default
   * @param rules severity by rule id: {@code error}, {@code warning}, {@code info} or {@code off}
   */
  public record Lint(int pgVersion, Map<String, String> rules) {
    public static final Lint DEFAULTS = new Lint(0, Map.of());

    public Lint {
      rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }
  }

  public ProjectConfig {
    environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    people = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(people));
  }

  /**
   * Reads and validates a configuration file.
   *
   * @throws SchemagateException (bad input) naming the file, the line and the key when it is wrong
   */
  public static ProjectConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot read configuration " + file + ": " + e.getMessage(),
          "check the path given to --config");
    }
    JsonNode root;
    try {
      root = YamlTree.read(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw SchemagateException.badInput(
          file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(),
          "fix the YAML syntax at that line");
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot read configuration " + file + ": " + e.getMessage(), "check the file");
    }
    if (root == null || root.isNull()) {
      root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (!root.isObject()) {
      throw bad(file, "the top level must be a mapping of keys", "see the README's Configuration");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        throw bad(file, "unknown key '" + key + "'", "known keys: " + String.join(", ", TOP_KEYS));
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    Path migrations = dir.resolve(root.path("migrations").asText("migrations")).normalize();
    Layout layout = null;
    if (root.hasNonNull("layout")) {
      layout = Layout.fromCliName(root.get("layout").asText());
      if (layout == null) {
        throw bad(
            file,
            "unknown layout '" + root.get("layout").asText() + "'",
            "use native, flyway, diesel, golang-migrate, dbmate or alembic");
      }
    }
    Map<String, Person> people = GovernanceSection.people(file, root.path("people"));
    Map<String, Environment> envs = new LinkedHashMap<>();
    JsonNode envNode = root.path("environments");
    for (Iterator<Map.Entry<String, JsonNode>> it = envNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      envs.put(e.getKey(), environment(file, dir, e.getKey(), e.getValue(), people));
    }
    String def =
        root.hasNonNull("default_environment") ? root.get("default_environment").asText() : null;
    if (def != null && !envs.containsKey(def)) {
      throw bad(
          file,
          "default_environment '" + def + "' is not one of the environments " + envs.keySet(),
          "add it under environments or correct the name");
    }
    return new ProjectConfig(
        file, migrations, layout, def, envs, lint(file, root.path("lint")), people);
  }

  private static Lint lint(Path file, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Lint.DEFAULTS;
    }
    if (!node.isObject()) {
      throw bad(file, "lint must be a mapping", "give it pg_version and/or rules");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!LINT_KEYS.contains(key)) {
        throw bad(
            file, "lint: unknown key '" + key + "'", "known keys: " + String.join(", ", LINT_KEYS));
      }
    }
    int pg = 0;
    if (node.has("pg_version")) {
      JsonNode v = node.get("pg_version");
      pg = v.isInt() ? v.asInt() : -1;
      if (pg < 9 || pg > 99) {
        throw bad(
            file,
            "lint: pg_version must be a PostgreSQL major version such as 16, not '"
                + v.asText()
                + "'",
            "write the major version as a number, e.g. pg_version: 16");
      }
    }
    Map<String, String> rules = new LinkedHashMap<>();
    JsonNode rulesNode = node.path("rules");
    if (!rulesNode.isMissingNode() && !rulesNode.isObject()) {
      throw bad(
          file,
          "lint: rules must be a mapping of rule id to severity",
          "e.g. ban-drop-column: error");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = rulesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      // YAML 1.1 reads a bare `off` as the boolean false.
      String severity =
          e.getValue().isBoolean() && !e.getValue().asBoolean()
              ? "off"
              : e.getValue().asText().toLowerCase(java.util.Locale.ROOT);
      if (!SEVERITIES.contains(severity)) {
        throw bad(
            file,
            "lint: rule '" + e.getKey() + "' has severity '" + e.getValue().asText() + "'",
            "use error, warning, info or off");
      }
      rules.put(e.getKey(), severity);
    }
    return new Lint(pg, rules);
  }

  private static Environment environment(
      Path file, Path dir, String name, JsonNode node, Map<String, Person> people) {
    if (!node.isObject()) {
      throw bad(file, "environment '" + name + "' must be a mapping", "give it url or url_env");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ENV_KEYS.contains(key)) {
        throw bad(
            file,
            "environment '" + name + "': unknown key '" + key + "'",
            "known keys: " + String.join(", ", ENV_KEYS));
      }
    }
    String url = node.hasNonNull("url") ? node.get("url").asText() : null;
    String urlEnv = node.hasNonNull("url_env") ? node.get("url_env").asText() : null;
    if ((url == null) == (urlEnv == null)) {
      throw bad(
          file,
          "environment '" + name + "' needs exactly one of url and url_env",
          "put the URL in an environment variable and name it with url_env");
    }
    if (url != null) {
      ConnectionSpec spec = ConnectionSpec.parse(url);
      if (spec.password() != null) {
        throw bad(
            file,
            "environment '" + name + "' has a password written in its url",
            "never store secrets in schemagate.yaml: move the URL to an environment variable and"
                + " name it with url_env");
      }
      url = resolveSqlitePath(url, dir);
    }
    return new Environment(
        name,
        url,
        urlEnv,
        node.path("governed").asBoolean(false),
        GovernanceSection.policy(file, name, node.path("approvals"), people),
        GovernanceSection.windows(file, name, node.path("windows")));
  }

  /** A relative SQLite file is relative to the configuration file, not to the working folder. */
  static String resolveSqlitePath(String url, Path dir) {
    String prefix = "jdbc:sqlite:";
    if (!url.startsWith(prefix)) {
      return url;
    }
    String rest = url.substring(prefix.length());
    if (rest.isEmpty()
        || rest.startsWith(":")
        || rest.startsWith("file:")
        || rest.startsWith("/")) {
      return url;
    }
    return prefix + dir.resolve(rest).normalize();
  }

  private static SchemagateException bad(Path file, String problem, String next) {
    return SchemagateException.badInput(file + ": " + problem, next);
  }
}
