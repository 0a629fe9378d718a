package dev.schemagate.core.lint.own;

import dev.schemagate.core.lint.Finding;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.ParsedScript;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.CreateDomain;
import dev.schemagate.core.sql.ast.CreateEnum;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropConstraint;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * schemagate's reversibility checks, which look at a migration's upgrade and downgrade together (so
 * they are not per-file {@link dev.schemagate.core.lint.Rule}s):
 *
 * <ul>
 *   <li>{@value #MISSING}: no downgrade and no declared reason. Only the native format can declare
 *       one ({@code -- irreversible: <reason>}); in the other layouts a missing down file is always
 *       reported, because nothing in them says it was meant.
 *   <li>{@value #EMPTY}: a downgrade with no statement, only comments or blanks. Running it
 *       "succeeds", the version tables say the migration was undone, and nothing was.
 *   <li>{@value #INCOMPLETE}: a static comparison of names. Every table, column, index, named
 *       constraint, type, domain, view, sequence, function, trigger, extension and schema the
 *       upgrade creates should be dropped by the downgrade (directly, or by dropping its table or
 *       schema). The trap: it compares names, not effects; a downgrade that undoes work through a
 *       {@code DO} block or a function is reported, and a waiver is the answer there.
 * </ul>
 */
public final class ReversibilityCheck {
  public static final String MISSING = "missing-downgrade";
  public static final String EMPTY = "empty-downgrade";
  public static final String INCOMPLETE = "downgrade-incomplete";

  /** The ids and their default severities, for listings and configuration checks. */
  public static final Map<String, Severity> DEFAULTS =
      Map.of(MISSING, Severity.WARNING, EMPTY, Severity.ERROR, INCOMPLETE, Severity.WARNING);

  private final LintSettings settings;

  public ReversibilityCheck(LintSettings settings) {
    this.settings = settings;
  }

  /**
   * The findings for one migration.
   *
   * @param up the parsed upgrade, lines relative to {@code script.up()}
   * @param down the parsed downgrade, or null when there is none
   */
  public List<Finding> check(
      MigrationScript script, Layout layout, ParsedScript up, ParsedScript down) {
    List<Finding> out = new ArrayList<>();
    SqlSection upSection = script.up();
    if (script.down() == null) {
      boolean declared = layout == Layout.NATIVE && script.irreversibleReason() != null;
      if (!declared) {
        add(
            out,
            MISSING,
            upSection,
            1,
            "migration " + script.id() + " has no downgrade and no declared reason",
            "Write a downgrade that undoes it, or, in the native format, declare `-- irreversible:"
                + " <reason>` so reviewers and `schemagate downgrade` know it is meant.");
      }
      return out;
    }
    if (down.statements().isEmpty() && down.problems().isEmpty()) {
      add(
          out,
          EMPTY,
          script.down(),
          1,
          "the downgrade of " + script.id() + " has no statement",
          "Running it would record the migration as undone while changing nothing. Write the"
              + " statements that undo the upgrade, or remove the downgrade and declare the"
              + " migration irreversible.");
      return out;
    }
    Map<String, Integer> created = created(up);
    Set<String> dropped = dropped(down.statements());
    for (Map.Entry<String, Integer> e : created.entrySet()) {
      if (!undone(e.getKey(), dropped)) {
        add(
            out,
            INCOMPLETE,
            upSection,
            e.getValue(),
            "the upgrade creates " + describe(e.getKey()) + " and the downgrade does not drop it",
            "After a downgrade the object would remain and the next upgrade would fail or"
                + " differ. Drop it in the downgrade, or waive with `-- schemagate:ignore "
                + INCOMPLETE
                + " <reason>` if it is undone another way.");
      }
    }
    return out;
  }

  private void add(
      List<Finding> out, String rule, SqlSection section, int line, String message, String reason) {
    Severity s = settings.severityOf(rule, DEFAULTS.get(rule));
    if (s != Severity.OFF) {
      out.add(new Finding(rule, s, section.file(), section.fileLine(line), message, reason));
    }
  }

  /** Keys are {@code kind:name} or {@code column:table.column}; values the creating line. */
  static Map<String, Integer> created(ParsedScript up) {
    Map<String, Integer> out = new LinkedHashMap<>();
    Set<String> newTables = new HashSet<>();
    for (ParsedStatement ps : up.statements()) {
      Object st = ps.stmt();
      if (st instanceof CreateTable t && !t.temporary()) {
        out.putIfAbsent(key("table", t.name()), ps.line());
        newTables.add(name(t.name()));
      } else if (st instanceof CreateIndex i) {
        // An index on a table this upgrade creates goes when the table goes.
        if (i.name() != null && !newTables.contains(name(i.table()))) {
          out.putIfAbsent(key("index", i.name()), ps.line());
        }
      } else if (st instanceof CreateEnum e) {
        out.putIfAbsent(key("type", e.name()), ps.line());
      } else if (st instanceof CreateDomain d) {
        out.putIfAbsent(key("domain", d.name()), ps.line());
      } else if (st instanceof CreateObject o
          && !o.orReplace()
          && o.name() != null
          && tracked(o.objectType())
          && !(o.onTable() != null && newTables.contains(name(o.onTable())))) {
        out.putIfAbsent(key(kind(o.objectType()), o.name()), ps.line());
      } else if (st instanceof AlterTable a && !newTables.contains(name(a.name()))) {
        String table = name(a.name());
        for (AlterAction action : a.actions()) {
          if (action instanceof AddColumn c) {
            out.putIfAbsent("column:" + table + "." + lower(c.column().name()), ps.line());
          } else if (action instanceof AddConstraint c && c.constraint().name() != null) {
            out.putIfAbsent("constraint:" + table + "." + lower(c.constraint().name()), ps.line());
          }
        }
      }
    }
    return out;
  }

  /**
   * True when {@code statement} drops something and everything it drops was created by the upgrade
   * ({@code created} as {@link #created} gives it): the downgrade undoing its own upgrade, which
   * destructive-change rules should not hold against it.
   */
  static boolean undoesOnly(ParsedStatement statement, Map<String, Integer> created) {
    Set<String> drops = dropped(List.of(statement));
    if (drops.isEmpty()) {
      return false;
    }
    for (String key : drops) {
      if (!created.containsKey(key) && !created.containsKey(key.replace("domain:", "type:"))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> dropped(List<ParsedStatement> statements) {
    Set<String> out = new HashSet<>();
    for (ParsedStatement ps : statements) {
      Object st = ps.stmt();
      if (st instanceof Drop d) {
        for (QualifiedName n : d.names()) {
          out.add(key(kind(d.objectType()), n));
        }
      } else if (st instanceof DropIndex d) {
        d.names().forEach(n -> out.add(key("index", n)));
      } else if (st instanceof AlterTable a) {
        String table = name(a.name());
        for (AlterAction action : a.actions()) {
          if (action instanceof DropColumn c) {
            out.add("column:" + table + "." + lower(c.column()));
          } else if (action instanceof DropConstraint c) {
            out.add("constraint:" + table + "." + lower(c.name()));
          }
        }
      }
    }
    return out;
  }

  private static boolean undone(String key, Set<String> dropped) {
    if (dropped.contains(key)) {
      return true;
    }
    String kind = key.substring(0, key.indexOf(':'));
    String rest = key.substring(key.indexOf(':') + 1);
    if (kind.equals("column") || kind.equals("constraint")) {
      // Dropping the table takes its columns and constraints with it.
      return dropped.contains("table:" + rest.substring(0, rest.lastIndexOf('.')));
    }
    // DROP TYPE and DROP DOMAIN are spelt interchangeably by some authors.
    return (kind.equals("type") && dropped.contains("domain:" + rest))
        || (kind.equals("domain") && dropped.contains("type:" + rest));
  }

  private static boolean tracked(String objectType) {
    return switch (objectType) {
      case "VIEW",
              "MATERIALIZED VIEW",
              "SEQUENCE",
              "FUNCTION",
              "PROCEDURE",
              "TRIGGER",
              "EXTENSION",
              "SCHEMA",
              "TYPE",
              "DOMAIN" ->
          true;
      default -> false;
    };
  }

  private static String kind(String objectType) {
    return objectType.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static String key(String kind, QualifiedName n) {
    return kind + ":" + name(n);
  }

  /** Unqualified and lower-cased: a migration rarely names the same object two ways. */
  private static String name(QualifiedName n) {
    return n == null ? "" : lower(n.name());
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String describe(String key) {
    String kind = key.substring(0, key.indexOf(':')).replace('-', ' ');
    return kind + " " + key.substring(key.indexOf(':') + 1);
  }
}
