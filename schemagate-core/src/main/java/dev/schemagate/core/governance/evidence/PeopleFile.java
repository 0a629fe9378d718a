package dev.schemagate.core.governance.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.config.Person;
import dev.schemagate.core.governance.approval.CanonicalForm;
import dev.schemagate.core.governance.approval.Keys;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pack's {@code people.json}: who could sign at the time of the execution, so that a pack can
 * be checked later without the configuration of that day.
 *
 * <h2>Format</h2>
 *
 * <pre>
 * {
 *   "people" : [
 *     { "name" : "alice", "role" : "manager", "public_key" : "ed25519:MCowBQYDK2VwAyEA..." },
 *     { "name" : "wendy", "role" : "worker" }
 *   ]
 * }
 * </pre>
 *
 * Sorted by name; {@code role} is the configuration's name for it; {@code public_key} is the inline
 * form of {@link Keys#inline} and is left out for someone without a key. Nothing else about a
 * person is written: the file is evidence anyone may read.
 *
 * <p>The trap: keys read from a pack prove only that the pack agrees with itself. Whoever can
 * rewrite the work order's approvals can rewrite this file and the manifest too; trust them only as
 * far as the manifest's SHA-256 is anchored elsewhere (the audit log), or verify against the
 * current configuration's keys instead.
 */
public final class PeopleFile {

  /** The file's name inside a pack. */
  public static final String NAME = "people.json";

  private PeopleFile() {}

  /**
   * The {@code people.json} text for {@code people} (keyed by name): name, role and public key of
   * each, sorted by name, pretty JSON with LF line ends.
   */
  public static String render(Map<String, Person> people) {
    List<Person> sorted = new ArrayList<>(people.values());
    sorted.sort(Comparator.comparing(Person::name, CanonicalForm.CODE_POINT_ORDER));
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("people");
    for (Person p : sorted) {
      ObjectNode entry = list.addObject();
      entry.put("name", p.name());
      if (p.role() != null) {
        entry.put("role", p.role().configName());
      }
      if (p.publicKey() != null) {
        entry.put("public_key", p.publicKey());
      }
    }
    return new String(Json.pretty(root), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The public keys in a {@code people.json} text, by name. People without a key are left out.
   *
   * @throws SchemagateException bad input naming {@code people.json}, the line (for JSON errors) or
   *     the entry, and what is wrong: not JSON, no {@code people} list, an entry without a name, a
   *     name given twice, a key that is not an inline Ed25519 public key
   */
  public static Map<String, PublicKey> parse(String text) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw SchemagateException.badInput(
          NAME + ": " + Json.describe(e) + " (not valid JSON)", "restore the pack's people.json");
    }
    if (root == null || !root.path("people").isArray()) {
      throw SchemagateException.badInput(
          NAME + ": has no \"people\" list", "restore the pack's people.json");
    }
    Map<String, PublicKey> keys = new TreeMap<>(CanonicalForm.CODE_POINT_ORDER);
    List<String> names = new ArrayList<>();
    int i = 0;
    for (JsonNode person : root.get("people")) {
      String where = NAME + ": people[" + i + "]";
      JsonNode name = person.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        throw SchemagateException.badInput(
            where + " has no name", "restore the pack's people.json");
      }
      String n = name.asText();
      if (names.contains(n)) {
        throw SchemagateException.badInput(
            where + ": '" + EvidenceFile.printable(n) + "' is listed twice",
            "restore the pack's people.json");
      }
      names.add(n);
      JsonNode key = person.get("public_key");
      if (key != null && !key.isNull()) {
        keys.put(
            n,
            Keys.parseInline(
                key.isTextual() ? key.asText() : "",
                where + " (" + EvidenceFile.printable(n) + ").public_key"));
      }
      i++;
    }
    return keys;
  }
}
