package dev.schemagate.core.lint.history;

import dev.schemagate.core.lint.history.SimulatedSchema.Gone;
import dev.schemagate.core.lint.history.SimulatedSchema.Index;
import dev.schemagate.core.lint.history.SimulatedSchema.Key;
import dev.schemagate.core.lint.history.SimulatedSchema.Loc;
import dev.schemagate.core.lint.history.SimulatedSchema.Named;
import dev.schemagate.core.lint.history.SimulatedSchema.RelKind;
import dev.schemagate.core.lint.history.SimulatedSchema.Relation;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.ParsedScript;
import dev.schemagate.core.sql.ParsedStatement;
import dev.schemagate.core.sql.SqlLexer;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import dev.schemagate.core.sql.ast.AddColumn;
import dev.schemagate.core.sql.ast.AddConstraint;
import dev.schemagate.core.sql.ast.AlterAction;
import dev.schemagate.core.sql.ast.AlterColumnType;
import dev.schemagate.core.sql.ast.AlterTable;
import dev.schemagate.core.sql.ast.ColumnDef;
import dev.schemagate.core.sql.ast.Comment;
import dev.schemagate.core.sql.ast.ConstraintDef;
import dev.schemagate.core.sql.ast.CreateDomain;
import dev.schemagate.core.sql.ast.CreateEnum;
import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.CreateTable;
import dev.schemagate.core.sql.ast.Delete;
import dev.schemagate.core.sql.ast.DoBlock;
import dev.schemagate.core.sql.ast.Drop;
import dev.schemagate.core.sql.ast.DropColumn;
import dev.schemagate.core.sql.ast.DropConstraint;
import dev.schemagate.core.sql.ast.DropDefault;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.DropNotNull;
import dev.schemagate.core.sql.ast.Insert;
import dev.schemagate.core.sql.ast.OtherAction;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.RenameColumn;
import dev.schemagate.core.sql.ast.RenameConstraint;
import dev.schemagate.core.sql.ast.RenameObject;
import dev.schemagate.core.sql.ast.RenameTable;
import dev.schemagate.core.sql.ast.SetDefault;
import dev.schemagate.core.sql.ast.SetNotNull;
import dev.schemagate.core.sql.ast.SetSchema;
import dev.schemagate.core.sql.ast.SetVariable;
import dev.schemagate.core.sql.ast.Stmt;
import dev.schemagate.core.sql.ast.Truncate;
import dev.schemagate.core.sql.ast.Unrecognised;
import dev.schemagate.core.sql.ast.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays every upgrade, in the walk order {@link GraphChecks} gives, on a {@link SimulatedSchema}
 * and reports statements that would fail on a fresh database: objects created twice, tables and
 * columns used before they exist or after they are gone.
 *
 * <p><b>Closed and open histories.</b> Many histories start from a database that already existed (a
 * team adopting migrations late, a squashed baseline): their first migrations alter tables no
 * migration created, and reporting those would bury the real findings. So the simulator decides
 * once, at the first migration that touches a relation at all: if that migration uses only
 * relations it created itself, the history is <em>closed</em> (it builds the schema from nothing)
 * and every later use of a table no earlier migration created is {@code unknown-table}. Otherwise
 * it is <em>open</em>: unknown names are assumed to pre-exist (with unknown columns) and never
 * reported, while tables the history itself dropped or renamed away are still reported as {@code
 * use-after-drop}. Migrations that touch no relation (extensions, functions) do not decide.
 *
 * <p>What the simulation cannot see it does not judge: a relation whose columns the text does not
 * determine (CREATE TABLE .. AS, LIKE, INHERITS, PARTITION OF, views, anything named in a DO block
 * or an unparsed statement) gets no column checks; objects a DO block or an unparsed CREATE may
 * have made are added as uncertain and never reported as created twice. DROP .. IF EXISTS, ALTER
 * TABLE IF EXISTS and CREATE .. IF NOT EXISTS never report. Downgrades are not replayed.
 *
 * <p>Single use: one instance per check. Not thread-safe.
 */
final class SchemaSimulator {

  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("pg_catalog", "information_schema", "pg_toast");
  private static final String TEMP_SCHEMA = "pg_temp";
  private static final Pattern PLAIN_KEY =
      Pattern.compile("^\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(\\s+[^()]*)?\\s*$");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private final List<HistoryFinding> findings = new ArrayList<>();

  /** Each migration's parsed upgrade; a caller that has parsed them already passes them in. */
  private final java.util.function.Function<MigrationScript, ParsedScript> upgrades;

  SchemaSimulator(java.util.function.Function<MigrationScript, ParsedScript> upgrades) {
    this.upgrades = upgrades;
  }

  /** Null until the first migration that touches a relation decides; see the class comment. */
  private Boolean closed;

  private SimulatedSchema last;

  // Per migration.
  private SimulatedSchema schema;
  private MigrationScript script;
  private SqlSection section;
  private String defaultSchema;
  private boolean touched;

  /**
   * After {@link #run}: whether the history was judged closed (builds its schema from nothing),
   * open (starts from an existing database), or neither (null: no migration touched a relation).
   */
  Boolean closed() {
    return closed;
  }

  /** After {@link #run}: the schema at the last revision of the walk, for tests. */
  SimulatedSchema last() {
    return last;
  }

  /** Replays {@code order} (topological) and returns the findings, in walk order. */
  List<HistoryFinding> run(List<GraphChecks.Node> order) {
    Map<String, Integer> consumers = new HashMap<>();
    for (GraphChecks.Node n : order) {
      for (String p : n.predecessors()) {
        consumers.merge(p, 1, Integer::sum);
      }
    }
    Map<String, SimulatedSchema> tips = new HashMap<>();
    for (GraphChecks.Node n : order) {
      SimulatedSchema start = null;
      for (String p : n.predecessors()) {
        SimulatedSchema before = tips.get(p);
        if (before == null) {
          continue;
        }
        int left = consumers.merge(p, -1, Integer::sum);
        if (left <= 0) {
          tips.remove(p); // last reader: take it instead of copying
        } else {
          before = before.copy();
        }
        if (start == null) {
          start = before;
        } else {
          start.mergeFrom(before);
        }
      }
      if (start == null) {
        start = new SimulatedSchema();
      }
      replay(n.script(), start);
      last = start;
      if (consumers.getOrDefault(n.script().id(), 0) > 0) {
        tips.put(n.script().id(), start);
      }
    }
    return List.copyOf(findings);
  }

  private void replay(MigrationScript s, SimulatedSchema into) {
    SqlSection up = s.up();
    if (up == null || up.sql() == null || up.sql().isBlank()) {
      return;
    }
    this.schema = into;
    this.script = s;
    this.section = up;
    this.defaultSchema = "public";
    this.touched = false;
    for (ParsedStatement ps : upgrades.apply(s).statements()) {
      statement(ps);
    }
    schema.endSession();
    if (closed == null && touched) {
      closed = Boolean.TRUE;
    }
  }

  private void statement(ParsedStatement ps) {
    Stmt st = ps.stmt();
    int line = st.line() > 0 ? st.line() : ps.line();
    if (st instanceof CreateTable ct) {
      createTable(ct, ps, line);
    } else if (st instanceof AlterTable at) {
      alterTable(at, line);
    } else if (st instanceof CreateIndex ci) {
      createIndex(ci, line);
    } else if (st instanceof DropIndex di) {
      for (QualifiedName n : di.names()) {
        Key k = resolve(schema.indexes, n);
        if (k != null) {
          schema.indexes.remove(k);
        }
      }
    } else if (st instanceof Drop d) {
      drop(d, line);
    } else if (st instanceof CreateObject co) {
      createObject(co, line);
    } else if (st instanceof CreateEnum ce) {
      createType("TYPE", ce.name(), false, line);
    } else if (st instanceof CreateDomain cd) {
      createType("DOMAIN", cd.name(), false, line);
    } else if (st instanceof RenameObject ro) {
      renameObject(ro, line);
    } else if (st instanceof Insert ins) {
      Ref ref = useRelation(ins.table(), "INSERT INTO", line);
      for (String c : ins.columns()) {
        useColumn(ref, plainColumn(c), "INSERT INTO", line);
      }
    } else if (st instanceof Update up) {
      Ref ref = useRelation(up.table(), "UPDATE", line);
      for (String c : up.assignedColumns()) {
        useColumn(ref, plainColumn(c), "UPDATE", line);
      }
    } else if (st instanceof Delete del) {
      useRelation(del.table(), "DELETE FROM", line);
    } else if (st instanceof Truncate tr) {
      for (QualifiedName t : tr.tables()) {
        useRelation(t, "TRUNCATE", line);
      }
    } else if (st instanceof Comment c) {
      comment(c, line);
    } else if (st instanceof SetVariable sv) {
      if ("search_path".equals(sv.name())) {
        defaultSchema = firstSchema(sv.value());
      }
    } else if (st instanceof DoBlock db) {
      looseScan(SqlLexer.tokenize(db.body() == null ? "" : db.body()), line, true);
    } else if (st instanceof Unrecognised) {
      looseScan(ps.tokens(), line, false);
    }
  }

  // ---- statements -------------------------------------------------------------------------

  private void createTable(CreateTable ct, ParsedStatement ps, int line) {
    if (ct.name() == null || ct.name().name() == null) {
      return;
    }
    touched = true;
    Key key =
        ct.temporary() && ct.name().schema() == null
            ? new Key(TEMP_SCHEMA, ct.name().name())
            : key(ct.name());
    Relation existing = schema.relations.get(key);
    if (existing != null) {
      if (ct.ifNotExists()) {
        return;
      }
      if (!existing.uncertain) {
        report(
            HistoryRule.OBJECT_CREATED_TWICE,
            line,
            "CREATE TABLE "
                + key
                + ", but "
                + describe(existing.kind)
                + " "
                + key
                + " already exists: created at "
                + existing.created.describe()
                + ".",
            "On a fresh database this migration fails. Remove the second CREATE TABLE, drop the"
                + " table first, or write IF NOT EXISTS if it may legitimately exist.");
        return;
      }
    }
    Ref parent = null;
    if (ct.partitionOf() != null) {
      parent = useRelation(ct.partitionOf(), "CREATE TABLE .. PARTITION OF", line);
    }
    boolean shapeKnown =
        !ct.asSelect()
            && ct.partitionOf() == null
            && !ct.columns().isEmpty()
            && !copiesColumns(ps.tokens());
    Relation r = new Relation(RelKind.TABLE, loc(line), false, ct.temporary(), shapeKnown);
    schema.relations.put(key, r);
    schema.goneRelations.remove(key);
    Ref self = new Ref(key, r);
    for (ColumnDef c : ct.columns()) {
      if (c.name() != null) {
        r.addColumn(c.name(), loc(lineOf(c.line(), line)));
      }
    }
    for (ColumnDef c : ct.columns()) {
      if (c.references() != null) {
        useRelation(c.references(), "REFERENCES", lineOf(c.line(), line));
      }
    }
    for (ConstraintDef c : ct.constraints()) {
      constraint(self, c, "CREATE TABLE", lineOf(c.line(), line));
    }
    if (parent != null && parent.rel() != null && !parent.rel().shapeKnown) {
      r.shapeKnown = false;
    }
  }

  private void alterTable(AlterTable at, int line) {
    Ref ref;
    if (at.ifExists()) {
      Key k = resolveRelation(at.name());
      if (k == null) {
        return;
      }
      ref = new Ref(k, schema.relations.get(k));
    } else {
      ref = useRelation(at.name(), "ALTER TABLE", line);
    }
    if (ref == null || ref.rel() == null) {
      return;
    }
    Key key = ref.key();
    Relation rel = ref.rel();
    for (AlterAction a : at.actions()) {
      int l = lineOf(a.line(), line);
      Ref current = new Ref(key, rel);
      if (a instanceof AddColumn ac) {
        ColumnDef c = ac.column();
        if (c == null || c.name() == null) {
          continue;
        }
        if (rel.shapeKnown && rel.columns.containsKey(c.name()) && !ac.ifNotExists()) {
          report(
              HistoryRule.OBJECT_CREATED_TWICE,
              l,
              "ALTER TABLE "
                  + key
                  + " ADD COLUMN "
                  + c.name()
                  + ", but the column already exists: added at "
                  + rel.columns.get(c.name()).describe()
                  + ".",
              "On a fresh database this migration fails. Remove the second ADD COLUMN, or write"
                  + " ADD COLUMN IF NOT EXISTS if it may legitimately exist.");
        } else if (!rel.columns.containsKey(c.name())) {
          rel.addColumn(c.name(), loc(l));
        }
        if (c.references() != null) {
          useRelation(c.references(), "REFERENCES", l);
        }
      } else if (a instanceof DropColumn dc) {
        if (!dc.ifExists()) {
          useColumn(current, dc.column(), "DROP COLUMN", l);
        }
        if (dc.column() != null) {
          rel.columns.remove(dc.column());
          rel.tolerated.remove(dc.column());
          rel.goneColumns.put(dc.column(), new Gone(loc(l), "dropped"));
        }
      } else if (a instanceof AlterColumnType t) {
        useColumn(current, t.column(), "ALTER COLUMN .. TYPE", l);
      } else if (a instanceof SetNotNull t) {
        useColumn(current, t.column(), "ALTER COLUMN .. SET NOT NULL", l);
      } else if (a instanceof DropNotNull t) {
        useColumn(current, t.column(), "ALTER COLUMN .. DROP NOT NULL", l);
      } else if (a instanceof SetDefault t) {
        useColumn(current, t.column(), "ALTER COLUMN .. SET DEFAULT", l);
      } else if (a instanceof DropDefault t) {
        useColumn(current, t.column(), "ALTER COLUMN .. DROP DEFAULT", l);
      } else if (a instanceof RenameColumn rc) {
        if (rc.from() == null || rc.to() == null) {
          continue;
        }
        useColumn(current, rc.from(), "RENAME COLUMN", l);
        rel.columns.remove(rc.from());
        rel.tolerated.remove(rc.from());
        rel.addColumn(rc.to(), loc(l));
        rel.goneColumns.put(rc.from(), new Gone(loc(l), "renamed to " + rc.to()));
      } else if (a instanceof RenameTable rt) {
        if (rt.to() != null) {
          Key to = new Key(key.schema(), rt.to());
          schema.renameRelation(key, to, loc(l));
          key = to;
        }
      } else if (a instanceof SetSchema ss) {
        if (ss.schema() != null) {
          Key to = new Key(ss.schema(), key.name());
          schema.renameRelation(key, to, loc(l));
          key = to;
        }
      } else if (a instanceof AddConstraint ac) {
        if (ac.constraint() != null) {
          constraint(current, ac.constraint(), "ADD CONSTRAINT", l);
        }
      } else if (a instanceof DropConstraint dc) {
        // Dropping a UNIQUE or PRIMARY KEY constraint drops the index behind it.
        Key ix = dc.name() == null ? null : new Key(key.schema(), dc.name());
        if (ix != null && schema.indexes.containsKey(ix)) {
          schema.indexes.remove(ix);
        }
      } else if (a instanceof RenameConstraint rc) {
        // The backing index of a UNIQUE or PRIMARY KEY constraint is renamed with it.
        moveIndex(new Key(key.schema(), rc.from()), new Key(key.schema(), rc.to()));
      } else if (a instanceof OtherAction oa) {
        String kw = oa.keywords() == null ? "" : oa.keywords();
        if (kw.startsWith("INHERIT") || kw.startsWith("OF ")) {
          rel.shapeKnown = false;
        }
      }
    }
  }

  private void constraint(Ref table, ConstraintDef c, String what, int line) {
    for (String col : c.columns()) {
      useColumn(table, col, what, line);
    }
    if (c.refTable() != null) {
      useRelation(c.refTable(), "REFERENCES", line);
    }
    if (c.usingIndex() != null && c.name() != null && table.key() != null) {
      // ADD CONSTRAINT c UNIQUE USING INDEX i renames i to c.
      moveIndex(
          new Key(table.key().schema(), c.usingIndex()), new Key(table.key().schema(), c.name()));
    }
  }

  private void createIndex(CreateIndex ci, int line) {
    Ref ref = useRelation(ci.table(), "CREATE INDEX", line);
    for (String k : ci.keys()) {
      String col = keyColumn(k);
      if (col != null) {
        useColumn(ref, col, "CREATE INDEX", line);
      }
    }
    if (ci.name() == null || ci.name().name() == null) {
      return;
    }
    String sch =
        ci.name().schema() != null
            ? ci.name().schema()
            : ref != null && ref.key() != null ? ref.key().schema() : defaultSchema;
    Key ik = new Key(sch, ci.name().name());
    Index existing = schema.indexes.get(ik);
    if (existing != null) {
      if (!ci.ifNotExists() && !existing.uncertain()) {
        report(
            HistoryRule.OBJECT_CREATED_TWICE,
            line,
            "CREATE INDEX "
                + ik
                + ", but index "
                + ik
                + " already exists (on "
                + existing.table()
                + "): created at "
                + existing.created().describe()
                + ".",
            "On a fresh database this migration fails. Drop the old index first, give the new one"
                + " another name, or write IF NOT EXISTS.");
      }
      if (ci.ifNotExists()) {
        return;
      }
    }
    Key table = ref != null && ref.key() != null ? ref.key() : key(ci.table());
    schema.indexes.put(ik, new Index(table, loc(line), false));
  }

  private void drop(Drop d, int line) {
    String type = d.objectType() == null ? "" : d.objectType().toUpperCase(Locale.ROOT);
    switch (type) {
      case "TABLE", "FOREIGN TABLE" -> {
        for (QualifiedName n : d.names()) {
          Key k = resolveRelation(n);
          if (k == null && !d.ifExists()) {
            Ref ref = useRelation(n, "DROP " + type, line);
            k = ref == null ? null : ref.key();
          }
          if (k != null) {
            schema.dropRelation(k, loc(line));
          }
        }
      }
      case "VIEW", "MATERIALIZED VIEW", "SEQUENCE" -> {
        // Sequences made by serial columns and views made outside the history are common, so an
        // unknown name here is not reported.
        for (QualifiedName n : d.names()) {
          Key k = resolveRelation(n);
          if (k != null) {
            schema.dropRelation(k, loc(line));
          }
        }
      }
      case "TYPE", "DOMAIN" -> {
        for (QualifiedName n : d.names()) {
          Key k = resolve(schema.types, n);
          if (k != null) {
            schema.types.remove(k);
          }
        }
      }
      case "FUNCTION", "PROCEDURE" -> {
        for (QualifiedName n : d.names()) {
          if (n != null && n.name() != null) {
            schema.functions.remove(key(n));
          }
        }
      }
      case "SCHEMA" -> {
        for (QualifiedName n : d.names()) {
          if (n != null && n.name() != null) {
            schema.dropSchema(n.name(), loc(line));
          }
        }
      }
      default -> {
        if (d.onTable() != null && !d.ifExists()) {
          useRelation(d.onTable(), "DROP " + type + " .. ON", line);
        }
      }
    }
  }

  private void createObject(CreateObject co, int line) {
    String type = co.objectType() == null ? "" : co.objectType().toUpperCase(Locale.ROOT);
    if (co.onTable() != null) {
      useRelation(co.onTable(), "CREATE " + type + " .. ON", line);
    }
    if (co.name() == null || co.name().name() == null) {
      return;
    }
    switch (type) {
      case "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "FOREIGN TABLE" -> {
        touched = true;
        Key k = key(co.name());
        Relation existing = schema.relations.get(k);
        boolean replaces = co.orReplace() && type.equals("VIEW");
        if (existing != null) {
          if (co.ifNotExists() || (replaces && existing.kind == RelKind.VIEW)) {
            return;
          }
          if (!existing.uncertain) {
            report(
                HistoryRule.OBJECT_CREATED_TWICE,
                line,
                "CREATE "
                    + type
                    + " "
                    + k
                    + ", but "
                    + describe(existing.kind)
                    + " "
                    + k
                    + " already exists: created at "
                    + existing.created.describe()
                    + ".",
                "On a fresh database this migration fails. Drop it first"
                    + (type.equals("VIEW") ? ", write CREATE OR REPLACE VIEW" : "")
                    + " or write IF NOT EXISTS.");
            return;
          }
        }
        RelKind kind =
            type.equals("SEQUENCE")
                ? RelKind.SEQUENCE
                : type.equals("FOREIGN TABLE") ? RelKind.TABLE : RelKind.VIEW;
        schema.relations.put(k, new Relation(kind, loc(line), false, false, false));
        schema.goneRelations.remove(k);
      }
      case "TYPE" -> createType("TYPE", co.name(), co.ifNotExists(), line);
      case "FUNCTION", "PROCEDURE" -> schema.functions.add(key(co.name()));
      default -> {}
    }
  }

  private void createType(String what, QualifiedName name, boolean ifNotExists, int line) {
    if (name == null || name.name() == null) {
      return;
    }
    Key k = key(name);
    Named existing = schema.types.get(k);
    if (existing != null && !existing.uncertain() && !ifNotExists) {
      report(
          HistoryRule.OBJECT_CREATED_TWICE,
          line,
          "CREATE "
              + what
              + " "
              + k
              + ", but a type or domain "
              + k
              + " already exists: created at "
              + existing.created().describe()
              + ".",
          "On a fresh database this migration fails. Drop the old type first, or give the new one"
              + " another name.");
      return;
    }
    if (existing == null || !ifNotExists) {
      schema.types.put(k, new Named(loc(line), false));
    }
  }

  private void renameObject(RenameObject ro, int line) {
    if (ro.from() == null || ro.from().name() == null || ro.to() == null) {
      return;
    }
    String type = ro.objectType() == null ? "" : ro.objectType().toUpperCase(Locale.ROOT);
    switch (type) {
      case "INDEX" -> {
        Key k = resolve(schema.indexes, ro.from());
        if (k != null) {
          moveIndex(k, new Key(k.schema(), ro.to()));
        }
      }
      case "TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE" -> {
        Key k = resolveRelation(ro.from());
        if (k != null) {
          schema.renameRelation(k, new Key(k.schema(), ro.to()), loc(line));
        }
      }
      case "TYPE", "DOMAIN" -> {
        Key k = resolve(schema.types, ro.from());
        if (k != null) {
          schema.types.put(new Key(k.schema(), ro.to()), schema.types.remove(k));
        }
      }
      case "SCHEMA" -> schema.renameSchema(ro.from().name(), ro.to(), loc(line));
      default -> {}
    }
  }

  private void comment(Comment c, int line) {
    String type = c.objectType() == null ? "" : c.objectType().toUpperCase(Locale.ROOT);
    if (c.target() == null) {
      return;
    }
    String[] parts = c.target().split("\\.", -1);
    if (type.equals("TABLE") && parts.length <= 2) {
      useRelation(name(parts, parts.length), "COMMENT ON TABLE", line);
    } else if (type.equals("COLUMN") && parts.length >= 2 && parts.length <= 3) {
      Ref ref = useRelation(name(parts, parts.length - 1), "COMMENT ON COLUMN", line);
      useColumn(ref, parts[parts.length - 1], "COMMENT ON COLUMN", line);
    }
  }

  private static QualifiedName name(String[] parts, int length) {
    return length == 1
        ? new QualifiedName(null, parts[0])
        : new QualifiedName(parts[length - 2], parts[length - 1]);
  }

  /**
   * Reads what a DO block or an unparsed statement may have done, from its tokens: CREATE of a
   * table, view, sequence, type, domain or index adds an uncertain object; ALTER TABLE makes the
   * table's columns unknown. In a DO block every relation named anywhere (dynamic SQL in strings
   * included) loses its known columns too, since such blocks usually add or drop them
   * conditionally.
   */
  private void looseScan(List<Token> all, int line, boolean doBlock) {
    List<Token> tokens = new ArrayList<>(all.size());
    for (Token t : all) {
      if (t.kind() != TokenKind.COMMENT) {
        tokens.add(t);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord("CREATE")) {
        looseCreate(tokens, i + 1, line);
      } else if (t.isWord("ALTER") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("TABLE")) {
        int j = skipWords(tokens, i + 2, "IF", "EXISTS", "ONLY");
        QualifiedName n = readName(tokens, j);
        Key k = n == null ? null : resolveRelation(n);
        if (k != null) {
          schema.relations.get(k).shapeKnown = false;
        }
      }
    }
    if (doBlock) {
      Set<String> words = new HashSet<>();
      for (Token t : tokens) {
        if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT) {
          words.add(t.identifier());
        } else if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.DOLLAR_STRING) {
          Matcher m = WORD.matcher(t.text());
          while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
          }
        }
      }
      schema.relations.forEach(
          (k, r) -> {
            if (words.contains(k.name())) {
              r.shapeKnown = false;
            }
          });
    }
  }

  private void looseCreate(List<Token> tokens, int start, int line) {
    int i =
        skipWords(
            tokens,
            start,
            "OR",
            "REPLACE",
            "UNIQUE",
            "TEMP",
            "TEMPORARY",
            "UNLOGGED",
            "GLOBAL",
            "LOCAL",
            "FOREIGN",
            "MATERIALIZED",
            "RECURSIVE");
    if (i >= tokens.size()) {
      return;
    }
    Token kind = tokens.get(i);
    String k = kind.kind() == TokenKind.WORD ? kind.text().toUpperCase(Locale.ROOT) : "";
    int j = skipWords(tokens, i + 1, "CONCURRENTLY", "IF", "NOT", "EXISTS");
    switch (k) {
      case "TABLE", "VIEW", "SEQUENCE" -> {
        QualifiedName n = readName(tokens, j);
        if (n == null) {
          return;
        }
        touched = true;
        Key key = key(n);
        if (!schema.relations.containsKey(key)) {
          RelKind rk =
              k.equals("TABLE")
                  ? RelKind.TABLE
                  : k.equals("VIEW") ? RelKind.VIEW : RelKind.SEQUENCE;
          schema.relations.put(key, new Relation(rk, loc(line), true, false, false));
          schema.goneRelations.remove(key);
        }
      }
      case "TYPE", "DOMAIN" -> {
        QualifiedName n = readName(tokens, j);
        if (n != null) {
          schema.types.putIfAbsent(key(n), new Named(loc(line), true));
        }
      }
      case "INDEX" -> {
        QualifiedName n =
            j < tokens.size() && tokens.get(j).isWord("ON") ? null : readName(tokens, j);
        int on = j;
        while (on < tokens.size() && !tokens.get(on).isWord("ON")) {
          on++;
        }
        QualifiedName table = readName(tokens, skipWords(tokens, on + 1, "ONLY"));
        if (n != null && table != null) {
          Key tk = resolveRelation(table);
          Key ik = new Key(tk != null ? tk.schema() : defaultSchema, n.name());
          schema.indexes.putIfAbsent(ik, new Index(tk != null ? tk : key(table), loc(line), true));
        }
      }
      default -> {}
    }
  }

  private static int skipWords(List<Token> tokens, int i, String... words) {
    outer:
    while (i < tokens.size()) {
      for (String w : words) {
        if (tokens.get(i).isWord(w)) {
          i++;
          continue outer;
        }
      }
      break;
    }
    return i;
  }

  /** {@code name} or {@code schema.name} at {@code i}, or null. */
  private static QualifiedName readName(List<Token> tokens, int i) {
    if (i >= tokens.size() || !isIdent(tokens.get(i))) {
      return null;
    }
    String first = tokens.get(i).identifier();
    if (i + 2 < tokens.size()
        && tokens.get(i + 1).kind() == TokenKind.DOT
        && isIdent(tokens.get(i + 2))) {
      return new QualifiedName(first, tokens.get(i + 2).identifier());
    }
    return new QualifiedName(null, first);
  }

  private static boolean isIdent(Token t) {
    return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT;
  }

  /**
   * Whether a CREATE TABLE takes columns from elsewhere: INHERITS, or a LIKE table element (LIKE
   * right after "(" or ","; a LIKE inside a CHECK expression does not count).
   */
  private static boolean copiesColumns(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord("INHERITS")) {
        return true;
      }
      if (t.isWord("LIKE") && i > 0) {
        TokenKind before = tokens.get(i - 1).kind();
        if (before == TokenKind.LPAREN || before == TokenKind.COMMA) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- references -------------------------------------------------------------------------

  /** A relation as a statement refers to it; {@code rel} null for system catalogs. */
  private record Ref(Key key, Relation rel) {}

  /**
   * The relation {@code name} refers to, reporting it when the history says it cannot exist. After
   * a report (or in an open history) the name is assumed to exist with unknown columns, so one
   * mistake gives one finding.
   */
  private Ref useRelation(QualifiedName name, String what, int line) {
    if (name == null || name.name() == null) {
      return null;
    }
    if (name.schema() != null
        && (SYSTEM_SCHEMAS.contains(name.schema()) || name.schema().startsWith(TEMP_SCHEMA))) {
      return null;
    }
    touched = true;
    Key found = resolveRelation(name);
    if (found != null) {
      return new Ref(found, schema.relations.get(found));
    }
    Key target = key(name);
    Key goneKey = resolve(schema.goneRelations, name);
    if (goneKey != null) {
      Gone g = schema.goneRelations.get(goneKey);
      report(
          HistoryRule.USE_AFTER_DROP,
          line,
          what
              + " uses table "
              + goneKey
              + ", which was "
              + g.how()
              + " at "
              + g.where().describe()
              + ".",
          "On a fresh database this statement fails. Use the table's current name, recreate it"
              + " first, or remove the statement.");
      target = goneKey;
    } else if (Boolean.TRUE.equals(closed)) {
      report(
          HistoryRule.UNKNOWN_TABLE,
          line,
          what + " uses table " + target + ", which no earlier migration creates.",
          "The history builds its schema from nothing, so on a fresh database this statement"
              + " fails. Create the table in an earlier migration (check down_revision and the"
              + " order), or correct the name.");
    } else if (closed == null) {
      closed = Boolean.FALSE; // the history starts from an existing database
    }
    Relation assumed = new Relation(RelKind.TABLE, loc(line), true, false, false);
    schema.relations.put(target, assumed);
    schema.goneRelations.remove(target);
    return new Ref(target, assumed);
  }

  private void useColumn(Ref ref, String column, String what, int line) {
    if (ref == null || ref.rel() == null || column == null || column.isEmpty()) {
      return;
    }
    Relation rel = ref.rel();
    if (!rel.shapeKnown || rel.hasColumn(column)) {
      return;
    }
    Gone g = rel.goneColumns.get(column);
    if (g != null) {
      report(
          HistoryRule.USE_AFTER_DROP,
          line,
          what
              + " uses column "
              + ref.key()
              + "."
              + column
              + ", which was "
              + g.how()
              + " at "
              + g.where().describe()
              + ".",
          "On a fresh database this statement fails. Use the column's current name, add it back"
              + " first, or remove the statement.");
    } else {
      report(
          HistoryRule.UNKNOWN_COLUMN,
          line,
          what
              + " uses column "
              + ref.key()
              + "."
              + column
              + ", but no earlier migration gives "
              + ref.key()
              + " (created at "
              + rel.created.describe()
              + ") that column. Its columns: "
              + String.join(", ", rel.columns.keySet())
              + ".",
          "On a fresh database this statement fails. Add the column in an earlier migration, or"
              + " correct the name.");
    }
    rel.tolerated.add(column);
  }

  private Key resolveRelation(QualifiedName n) {
    if (n == null || n.name() == null) {
      return null;
    }
    if (n.schema() == null) {
      Key temp = new Key(TEMP_SCHEMA, n.name());
      if (schema.relations.containsKey(temp)) {
        return temp;
      }
    }
    return resolve(schema.relations, n);
  }

  private Key resolve(Map<Key, ?> map, QualifiedName n) {
    if (n == null || n.name() == null) {
      return null;
    }
    return schema.resolve(map, n.schema(), n.name(), defaultSchema);
  }

  private void moveIndex(Key from, Key to) {
    if (from.name() == null || to.name() == null) {
      return;
    }
    Index ix = schema.indexes.remove(from);
    if (ix != null) {
      schema.indexes.put(to, ix);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private Key key(QualifiedName n) {
    return new Key(n.schema() != null ? n.schema() : defaultSchema, n.name());
  }

  private Loc loc(int sectionLine) {
    return new Loc(script.id(), section.file(), section.fileLine(sectionLine));
  }

  private static int lineOf(int line, int fallback) {
    return line > 0 ? line : fallback;
  }

  private void report(HistoryRule rule, int sectionLine, String message, String reason) {
    findings.add(
        new HistoryFinding(
            rule.id(), section.file(), section.fileLine(sectionLine), message, reason));
  }

  private static String describe(RelKind kind) {
    return switch (kind) {
      case TABLE -> "table";
      case VIEW -> "view";
      case SEQUENCE -> "sequence";
    };
  }

  /** The column an index key names when it is a plain column (not an expression), else null. */
  private static String keyColumn(String key) {
    if (key == null) {
      return null;
    }
    Matcher m = PLAIN_KEY.matcher(key);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1);
    return name.startsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
        : name.toLowerCase(Locale.ROOT);
  }

  /** {@code col}, {@code col[1]} and {@code col.field} all assign to {@code col}. */
  private static String plainColumn(String c) {
    if (c == null) {
      return null;
    }
    int cut = c.length();
    int bracket = c.indexOf('[');
    if (bracket >= 0) {
      cut = bracket;
    }
    if (!c.startsWith("\"")) {
      int dot = c.indexOf('.');
      if (dot >= 0 && dot < cut) {
        cut = dot;
      }
    }
    return c.substring(0, cut).trim();
  }

  private static String firstSchema(String value) {
    if (value == null) {
      return "public";
    }
    for (String part : value.split(",")) {
      String p = part.trim();
      if (p.startsWith("'") || p.startsWith("\"")) {
        p = p.substring(1, Math.max(1, p.length() - 1));
      } else {
        p = p.toLowerCase(Locale.ROOT);
      }
      if (!p.isEmpty() && !p.equals("$user") && !p.equals("pg_catalog")) {
        return p;
      }
    }
    return "public";
  }
}
