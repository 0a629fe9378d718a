package dev.schemagate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.SchemagateException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the governance parts of {@code schemagate.yaml}: {@code people:} at the top, and each
 * environment's {@code approvals:} and {@code windows:}. Everything is checked when the file is
 * loaded, so a policy that could never be met (a worker allowed to approve, a final approver who is
 * not the final authority) is refused before any command runs.
 */
final class GovernanceSection {
  private static final Set<String> PERSON_KEYS = Set.of("role", "public_key");
  private static final Set<String> POLICY_KEYS = Set.of("required", "roles", "final_approver");
  private static final Set<String> WINDOW_KEYS = Set.of("days", "from", "to", "time_zone");

  private GovernanceSection() {}

  static Map<String, Person> people(Path file, JsonNode node) {
    Map<String, Person> people = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return people;
    }
    if (!node.isObject()) {
      throw bad(file, "people must be a mapping of name to role and public_key", "see the README");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode p = e.getValue();
      if (!p.isObject()) {
        throw bad(file, "people: '" + name + "' must be a mapping", "give it role and public_key");
      }
      keys(file, "people: '" + name + "'", p, PERSON_KEYS);
      String roleText = p.path("role").asText("");
      Role role = Role.fromConfigName(roleText);
      if (role == null) {
        throw bad(
            file,
            "people: '" + name + "' has role '" + roleText + "'",
            "use final_authority, planning_and_governance, manager or worker");
      }
      String key = p.hasNonNull("public_key") ? p.get("public_key").asText() : null;
      if (key != null) {
        checkPublicKey(file, name, key);
      } else if (role.mayApprove()) {
        throw bad(
            file,
            "people: '" + name + "' is a " + role.configName() + " without a public_key",
            "run `schemagate keys new " + name + "` and paste the .pub line as public_key");
      }
      people.put(name, new Person(name, role, key));
    }
    return people;
  }

  private static void checkPublicKey(Path file, String name, String key) {
    String prefix = "ed25519:";
    boolean ok = key.startsWith(prefix);
    if (ok) {
      try {
        ok = Base64.getDecoder().decode(key.substring(prefix.length())).length > 32;
      } catch (IllegalArgumentException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw bad(
          file,
          "people: '" + name + "' has a public_key that is not ed25519:<base64>",
          "paste the one line `schemagate keys new` printed for the .pub file");
    }
  }

  static ApprovalPolicy policy(Path file, String env, JsonNode node, Map<String, Person> people) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String where = "environment '" + env + "': approvals";
    if (!node.isObject()) {
      throw bad(file, where + " must be a mapping", "give it required, roles and final_approver");
    }
    keys(file, where, node, POLICY_KEYS);
    JsonNode req = node.path("required");
    if (!req.isInt() || req.asInt() < 1) {
      throw bad(
          file, where + ": required must be a whole number of at least 1", "e.g. required: 2");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    JsonNode rolesNode = node.path("roles");
    if (!rolesNode.isArray() || rolesNode.isEmpty()) {
      throw bad(file, where + ": roles must be a list", "e.g. roles: [manager, final_authority]");
    }
    for (JsonNode r : rolesNode) {
      Role role = Role.fromConfigName(r.asText());
      if (role == null) {
        throw bad(
            file,
            where + ": unknown role '" + r.asText() + "'",
            "use final_authority, planning_and_governance or manager");
      }
      if (!role.mayApprove()) {
        throw bad(
            file,
            where + ": workers may draft, never approve",
            "remove worker from the approving roles");
      }
      roles.add(role);
    }
    String finalApprover =
        node.hasNonNull("final_approver") ? node.get("final_approver").asText() : null;
    if (finalApprover != null) {
      Person p = people.get(finalApprover);
      if (p == null || p.role() != Role.FINAL_AUTHORITY) {
        throw bad(
            file,
            where
                + ": final_approver '"
                + finalApprover
                + "' is "
                + (p == null ? "not one of the people" : "a " + p.role().configName()),
            "name a person whose role is final_authority");
      }
    }
    long eligible = people.values().stream().filter(p -> roles.contains(p.role())).count();
    if (eligible < req.asInt()) {
      throw bad(
          file,
          where
              + " needs "
              + req.asInt()
              + " approval(s) from "
              + roles.stream().map(Role::configName).sorted().toList()
              + ", but only "
              + eligible
              + " person(s) have those roles",
          "add people with those roles, or lower required");
    }
    return new ApprovalPolicy(req.asInt(), roles, finalApprover);
  }

  static List<ExecutionWindow> windows(Path file, String env, JsonNode node) {
    List<ExecutionWindow> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    String where = "environment '" + env + "': windows";
    if (!node.isArray()) {
      throw bad(file, where + " must be a list", "e.g. - {days: [mon, tue], from: '09:00', ...}");
    }
    int i = 0;
    for (JsonNode w : node) {
      i++;
      String at = where + " #" + i;
      if (!w.isObject()) {
        throw bad(file, at + " must be a mapping", "give it days, from, to and time_zone");
      }
      keys(file, at, w, WINDOW_KEYS);
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      if (!w.path("days").isArray() || w.path("days").isEmpty()) {
        throw bad(file, at + ": days must be a list", "e.g. days: [mon, tue, wed, thu, fri]");
      }
      for (JsonNode d : w.path("days")) {
        DayOfWeek day = day(d.asText());
        if (day == null) {
          throw bad(file, at + ": unknown day '" + d.asText() + "'", "use mon, tue, ... sun");
        }
        days.add(day);
      }
      LocalTime from = time(file, at, "from", w.path("from"));
      LocalTime to = time(file, at, "to", w.path("to"));
      if (from.equals(to)) {
        throw bad(file, at + ": from and to are the same time", "give the window a length");
      }
      String zone = w.path("time_zone").asText("");
      ZoneId zoneId;
      try {
        zoneId = ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        throw bad(
            file,
            at + ": unknown time_zone '" + zone + "'",
            "use a region name such as Europe/Berlin or UTC");
      }
      out.add(new ExecutionWindow(days, from, to, zoneId));
    }
    return out;
  }

  private static DayOfWeek day(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (t.equals(full) || t.equals(full.substring(0, 3))) {
        return d;
      }
    }
    return null;
  }

  private static LocalTime time(Path file, String at, String key, JsonNode node) {
    try {
      return LocalTime.parse(node.asText(""));
    } catch (DateTimeParseException e) {
      throw bad(
          file,
          at + ": " + key + " must be a time such as '09:00', not '" + node.asText("") + "'",
          "quote times in YAML: " + key + ": '09:00'");
    }
  }

  private static void keys(Path file, String where, JsonNode node, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw bad(
            file,
            where + ": unknown key '" + key + "'",
            "known keys: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static SchemagateException bad(Path file, String problem, String next) {
    return SchemagateException.badInput(file + ": " + problem, next);
  }
}
