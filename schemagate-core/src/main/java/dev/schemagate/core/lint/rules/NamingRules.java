package dev.schemagate.core.lint.rules;

import dev.schemagate.core.lint.LintInput;
import dev.schemagate.core.lint.RuleContext;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.AlterTypeAddValue;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rules about names: identifiers, enum values, schemas, duplicate columns. */
final class NamingRules {
  private NamingRules() {}

  /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated. */
  static final int MAX_IDENTIFIER_BYTES = 63;

  static List<SquawkRule> rules() {
    return List.of(
        SquawkRule.of(
            "require-enum-value-ordering",
            Severity.WARNING,
            "ALTER TYPE ... ADD VALUE without BEFORE or AFTER",
            NamingRules::enumOrdering),
        SquawkRule.of(
            "identifier-too-long",
            Severity.WARNING,
            "identifiers longer than 63 bytes, which PostgreSQL truncates",
            NamingRules::identifierTooLong),
        SquawkRule.of(
            "ban-duplicate-column-assignments",
            Severity.ERROR,
            "the same column assigned or defined twice in one statement",
            DuplicateColumns::check),
        SquawkRule.of(
            "require-table-schema",
            Severity.OFF,
            "tables named without a schema",
            NamingRules::requireTableSchema));
  }

  private static void enumOrdering(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      if (ps.stmt() instanceof AlterTypeAddValue av && av.before() == null && av.after() == null) {
        cx.report(
            av.line(),
            "ALTER TYPE " + av.type() + " ADD VALUE '" + av.value() + "' without BEFORE/AFTER",
            "The value is appended last, which silently changes ORDER BY and comparisons if the"
                + " enum's order means something. Say where it goes with BEFORE or AFTER.");
      }
    }
  }

  private static void identifierTooLong(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      Set<String> seen = new LinkedHashSet<>();
      for (Token t : Support.code(ps)) {
        if (t.kind() != TokenKind.WORD && t.kind() != TokenKind.QUOTED_IDENT) {
          continue;
        }
        String id = t.identifier();
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES && seen.add(id)) {
          cx.report(
              t.line() > 0 ? t.line() : ps.line(),
              "identifier " + id + " is " + bytes + " bytes long",
              "PostgreSQL truncates identifiers to 63 bytes, so the object gets a different name"
                  + " than written and two long names can collide. Shorten it.");
        }
      }
    }
  }

  private static void requireTableSchema(LintInput in, RuleContext cx) {
    for (ParsedStatement ps : in.script().statements()) {
      QualifiedName unqualified = null;
      if (ps.stmt() instanceof CreateTable ct && !ct.temporary() && unqualified(ct.name())) {
        unqualified = ct.name();
      } else if (ps.stmt() instanceof AlterTable at && unqualified(at.name())) {
        unqualified = at.name();
      } else if (ps.stmt() instanceof Drop d
          && "TABLE".equals(d.objectType())
          && d.names() != null) {
        unqualified = d.names().stream().filter(NamingRules::unqualified).findFirst().orElse(null);
      }
      if (unqualified != null) {
        cx.report(
            ps.line(),
            "table " + unqualified + " has no schema",
            "Which table is meant depends on the session's search_path. Qualify it, e.g."
                + " public."
                + unqualified
                + ".");
      }
    }
  }

  private static boolean unqualified(QualifiedName n) {
    return n != null && n.schema() == null;
  }
}
