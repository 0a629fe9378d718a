package dev.schemagate.core.governance.workorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.YamlTree;
import dev.schemagate.core.governance.workorder.WorkOrder.DeclaredRevision;
import dev.schemagate.core.governance.workorder.WorkOrder.EvidenceRef;
import dev.schemagate.core.governance.workorder.WorkOrder.HealthCheck;
import dev.schemagate.core.governance.workorder.WorkOrder.Intent;
import dev.schemagate.core.governance.workorder.WorkOrder.LintWaiver;
import dev.schemagate.core.governance.workorder.WorkOrder.MigrationDeclaration;
import dev.schemagate.core.governance.workorder.WorkOrder.RollbackPlan;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes work-order files: YAML front matter between two {@code ---} lines, then a
 * Markdown body rendered from it. The front matter is the truth; the body is for people and is
 * written again whenever the tool writes the file.
 *
 * <p>Every problem is bad input naming the file and, where there is one, the line: no front matter,
 * YAML that does not parse, a key that is unknown or of the wrong type, a file that is not UTF-8 or
 * larger than {@link #MAX_BYTES}.
 */
public final class WorkOrderFile {
  /** A work order is a page of text; anything this large is not one. */
  public static final int MAX_BYTES = 1 << 20;

  /** How {@code wo new} marks what the author must fill in. */
  public static final String PLACEHOLDER = "TODO";

  private static final Pattern ID = Pattern.compile("WO-MIGRATION-\\d{3,}");
  private static final Set<String> TOP =
      Set.of(
          "id",
          "environment",
          "author",
          "created",
          "migration",
          "intent",
          "rollback",
          "verification",
          "irreversible_justification",
          "compensating_controls",
          "lint_waivers",
          "evidence",
          "approvals");

  private WorkOrderFile() {}

  /** True for text the author has not written yet: null, blank, or starting with TODO. */
  public static boolean isPlaceholder(String text) {
    return text == null || text.isBlank() || text.strip().startsWith(PLACEHOLDER);
  }

  /** Reads a work-order file. */
  public static WorkOrder read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw bad(file, 0, "is larger than " + MAX_BYTES + " bytes", "a work order is one page");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw SchemagateException.badInput(
          "cannot read work order " + file + ": " + e.getMessage(), "check the path");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw bad(file, 0, "is not UTF-8 text", "save it as UTF-8");
    }
    return parse(text, file);
  }

  /** Parses the text of a work-order file; {@code file} names it in messages. */
  public static WorkOrder parse(String text, Path file) {
    if (text.length() > MAX_BYTES) {
      throw bad(file, 0, "is larger than " + MAX_BYTES + " bytes", "a work order is one page");
    }
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    t = t.replace("\r\n", "\n");
    if (!t.startsWith("---\n")) {
      throw bad(
          file,
          1,
          "has no front matter: the first line must be ---",
          "create work orders with `schemagate wo new`, or start the file with the --- block");
    }
    int end = t.indexOf("\n---\n", 3);
    if (end < 0 && t.endsWith("\n---")) {
      end = t.length() - 4;
    }
    if (end < 0) {
      throw bad(file, 1, "front matter is not closed by a --- line", "add a line --- after it");
    }
    String yaml = t.substring(4, end + 1);
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
      throw bad(file, line, "front matter is not valid YAML: " + e.getOriginalMessage(), "fix it");
    } catch (IOException | RuntimeException e) {
      throw bad(file, 0, "front matter cannot be read: " + e.getMessage(), "fix the YAML");
    }
    if (root == null || !root.isObject()) {
      throw bad(file, 2, "front matter must be a mapping of keys", "see `schemagate wo new`");
    }
    Reader r = new Reader(file);
    r.keys(root, "", TOP);
    String id = r.text(root, "id", true);
    if (!ID.matcher(id).matches()) {
      throw bad(file, 0, "id '" + id + "' is not WO-MIGRATION-<number>", "e.g. WO-MIGRATION-007");
    }
    JsonNode m = r.object(root, "migration");
    r.keys(m, "migration.", Set.of("direction", "target", "from", "to", "revisions"));
    List<DeclaredRevision> revisions = new ArrayList<>();
    int i = 0;
    for (JsonNode rev : r.array(m, "revisions", "migration.")) {
      String at = "migration.revisions[" + i++ + "].";
      if (!rev.isObject()) {
        throw bad(file, 0, at + " must be a mapping", "see `schemagate wo new`");
      }
      r.keys(
          rev,
          at,
          Set.of("id", "file", "checksum", "down_revisions", "branch_labels", "irreversible"));
      revisions.add(
          new DeclaredRevision(
              r.text(rev, "id", true, at),
              r.text(rev, "file", false, at),
              r.text(rev, "checksum", true, at),
              r.texts(rev, "down_revisions", at),
              r.texts(rev, "branch_labels", at),
              r.text(rev, "irreversible", false, at)));
    }
    String direction = r.text(m, "direction", true, "migration.");
    if (!direction.equals("upgrade") && !direction.equals("downgrade")) {
      throw bad(file, 0, "migration.direction must be upgrade or downgrade", "fix it");
    }
    MigrationDeclaration migration =
        new MigrationDeclaration(
            direction,
            r.text(m, "target", true, "migration."),
            r.texts(m, "from", "migration."),
            r.texts(m, "to", "migration."),
            revisions);
    JsonNode in = r.object(root, "intent");
    r.keys(in, "intent.", Set.of("what", "why", "impact_if_not_done", "alternatives_rejected"));
    Intent intent =
        new Intent(
            r.text(in, "what", false, "intent."),
            r.text(in, "why", false, "intent."),
            r.text(in, "impact_if_not_done", false, "intent."),
            r.text(in, "alternatives_rejected", false, "intent."));
    JsonNode rb = r.object(root, "rollback");
    r.keys(rb, "rollback.", Set.of("steps", "triggers", "verification"));
    List<HealthCheck> checks = healthChecks(r, rb, "rollback.");
    List<HealthCheck> after = healthChecks(r, root, "");
    RollbackPlan rollback =
        new RollbackPlan(
            r.texts(rb, "steps", "rollback."), r.texts(rb, "triggers", "rollback."), checks);
    List<LintWaiver> waivers = new ArrayList<>();
    i = 0;
    for (JsonNode w : r.array(root, "lint_waivers", "")) {
      String at = "lint_waivers[" + i++ + "].";
      if (!w.isObject()) {
        throw bad(file, 0, at + " must be a mapping of rule, file and reason", "fix it");
      }
      r.keys(w, at, Set.of("rule", "file", "reason"));
      waivers.add(
          new LintWaiver(
              r.text(w, "rule", true, at),
              r.text(w, "file", false, at),
              r.text(w, "reason", true, at)));
    }
    Map<String, EvidenceRef> evidence = new TreeMap<>();
    JsonNode ev = root.path("evidence");
    if (!ev.isMissingNode() && !ev.isNull()) {
      if (!ev.isObject()) {
        throw bad(file, 0, "evidence must be a mapping of name to file and sha256", "fix it");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = ev.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = "evidence." + e.getKey() + ".";
        if (!e.getValue().isObject()) {
          throw bad(file, 0, at + " must be a mapping of file and sha256", "fix it");
        }
        r.keys(e.getValue(), at, Set.of("file", "sha256"));
        evidence.put(
            e.getKey(),
            new EvidenceRef(
                r.text(e.getValue(), "file", true, at), r.text(e.getValue(), "sha256", true, at)));
      }
    }
    List<Map<String, String>> approvals = new ArrayList<>();
    i = 0;
    for (JsonNode a : r.array(root, "approvals", "")) {
      String at = "approvals[" + i++ + "]";
      if (!a.isObject()) {
        throw bad(
            file, 0, at + " must be a mapping", "approvals are written by `schemagate wo approve`");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode()) {
          throw bad(file, 0, at + "." + e.getKey() + " must be a single value", "fix it");
        }
        fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
      approvals.add(fields);
    }
    return new WorkOrder(
        id,
        r.text(root, "environment", true),
        r.text(root, "author", true),
        r.text(root, "created", true),
        migration,
        intent,
        rollback,
        after,
        r.text(root, "irreversible_justification", false),
        r.text(root, "compensating_controls", false),
        waivers,
        evidence,
        approvals);
  }

  private static List<HealthCheck> healthChecks(Reader r, JsonNode parent, String prefix) {
    List<HealthCheck> checks = new ArrayList<>();
    int i = 0;
    for (JsonNode v : r.array(parent, "verification", prefix)) {
      String at = prefix + "verification[" + i++ + "].";
      if (!v.isObject()) {
        throw bad(
            r.file, 0, at + " must be a mapping of sql and expect", "see `schemagate wo new`");
      }
      r.keys(v, at, Set.of("sql", "expect"));
      checks.add(new HealthCheck(r.text(v, "sql", false, at), r.text(v, "expect", false, at)));
    }
    return checks;
  }

  /**
   * The fields approvers sign, as a tree of maps, lists and strings for {@code
   * governance.approval.CanonicalForm}: everything but the approvals. The environment and every
   * migration's checksum are in it, so a changed byte in any migration, or another environment,
   * voids every signature. Absent values are left out (not written as empty text), so "not given"
   * and "given as empty" stay different.
   */
  public static Map<String, Object> canonicalFields(WorkOrder wo) {
    ObjectNode node = tree(wo);
    node.remove("approvals");
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) plain(node);
    return out;
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          map.put(e.getKey(), plain(e.getValue()));
        }
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(v -> list.add(v.isNull() ? "" : plain(v)));
      return list;
    }
    return node.asText();
  }

  /** The whole file: front matter, then the readable body. */
  public static String write(WorkOrder wo) {
    YAMLMapper yaml =
        YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    String front;
    try {
      front = yaml.writeValueAsString(tree(wo));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("work order could not be written as YAML", e);
    }
    return "---\n" + front + "---\n\n" + WorkOrderMarkdown.body(wo);
  }

  private static ObjectNode tree(WorkOrder wo) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("id", wo.id());
    root.put("environment", wo.environment());
    root.put("author", wo.author());
    root.put("created", wo.created());
    ObjectNode m = root.putObject("migration");
    m.put("direction", wo.migration().direction());
    m.put("target", wo.migration().target());
    strings(m.putArray("from"), wo.migration().from());
    strings(m.putArray("to"), wo.migration().to());
    ArrayNode revs = m.putArray("revisions");
    for (DeclaredRevision d : wo.migration().revisions()) {
      ObjectNode r = revs.addObject();
      r.put("id", d.id());
      r.put("file", d.file());
      r.put("checksum", d.checksum());
      strings(r.putArray("down_revisions"), d.downRevisions());
      strings(r.putArray("branch_labels"), d.branchLabels());
      r.put("irreversible", d.irreversible());
    }
    ObjectNode in = root.putObject("intent");
    in.put("what", wo.intent().what());
    in.put("why", wo.intent().why());
    in.put("impact_if_not_done", wo.intent().impactIfNotDone());
    in.put("alternatives_rejected", wo.intent().alternativesRejected());
    ObjectNode rb = root.putObject("rollback");
    strings(rb.putArray("steps"), wo.rollback().steps());
    strings(rb.putArray("triggers"), wo.rollback().triggers());
    ArrayNode checks = rb.putArray("verification");
    for (HealthCheck h : wo.rollback().verification()) {
      checks.addObject().put("sql", h.sql()).put("expect", h.expect());
    }
    ArrayNode after = root.putArray("verification");
    for (HealthCheck h : wo.verification()) {
      after.addObject().put("sql", h.sql()).put("expect", h.expect());
    }
    root.put("irreversible_justification", wo.irreversibleJustification());
    root.put("compensating_controls", wo.compensatingControls());
    ArrayNode waivers = root.putArray("lint_waivers");
    for (LintWaiver w : wo.lintWaivers()) {
      waivers.addObject().put("rule", w.rule()).put("file", w.file()).put("reason", w.reason());
    }
    ObjectNode ev = root.putObject("evidence");
    new TreeMap<>(wo.evidence())
        .forEach((k, v) -> ev.putObject(k).put("file", v.file()).put("sha256", v.sha256()));
    ArrayNode approvals = root.putArray("approvals");
    for (Map<String, String> a : wo.approvals()) {
      ObjectNode o = approvals.addObject();
      a.forEach(o::put);
    }
    return root;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static SchemagateException bad(Path file, int line, String problem, String next) {
    return SchemagateException.badInput(
        "work order " + file + (line > 0 ? ":" + line : "") + ": " + problem, next);
  }

  /** Typed reads with messages that name the key. */
  private record Reader(Path file) {
    void keys(JsonNode node, String prefix, Set<String> known) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!known.contains(key)) {
          throw bad(
              file,
              0,
              "unknown key '" + prefix + key + "'",
              "known keys here: " + String.join(", ", known.stream().sorted().toList()));
        }
      }
    }

    String text(JsonNode node, String key, boolean required) {
      return text(node, key, required, "");
    }

    String text(JsonNode node, String key, boolean required, String prefix) {
      JsonNode v = node.path(key);
      if (v.isMissingNode() || v.isNull()) {
        if (required) {
          throw bad(file, 0, prefix + key + " is missing", "add it to the front matter");
        }
        return null;
      }
      if (!v.isValueNode()) {
        throw bad(file, 0, prefix + key + " must be text, not a " + kind(v), "fix its value");
      }
      return v.asText();
    }

    List<String> texts(JsonNode node, String key, String prefix) {
      List<String> out = new ArrayList<>();
      for (JsonNode v : array(node, key, prefix)) {
        if (!v.isValueNode() || v.isNull()) {
          throw bad(file, 0, prefix + key + " must be a list of text", "fix its items");
        }
        out.add(v.asText());
      }
      return out;
    }

    JsonNode object(JsonNode node, String key) {
      JsonNode v = node.path(key);
      if (!v.isObject()) {
        throw bad(
            file,
            0,
            key + (v.isMissingNode() || v.isNull() ? " is missing" : " must be a mapping"),
            "see `schemagate wo new` for the shape");
      }
      return v;
    }

    List<JsonNode> array(JsonNode node, String key, String prefix) {
      JsonNode v = node.path(key);
      List<JsonNode> out = new ArrayList<>();
      if (v.isMissingNode() || v.isNull()) {
        return out;
      }
      if (!v.isArray()) {
        throw bad(file, 0, prefix + key + " must be a list, not a " + kind(v), "fix its value");
      }
      v.forEach(out::add);
      return out;
    }

    private static String kind(JsonNode v) {
      return v.isObject() ? "mapping" : v.isArray() ? "list" : "value";
    }
  }
}
