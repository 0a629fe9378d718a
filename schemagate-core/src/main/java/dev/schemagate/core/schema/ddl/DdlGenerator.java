package dev.schemagate.core.schema.ddl;

import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlLexer;
import dev.schemagate.core.sql.Token;
import dev.schemagate.core.sql.TokenKind;
import java.util.List;

/**
 * Generates the DDL that recreates a {@link SchemaSnapshot} on an empty database, and the DDL that
 * removes it again, for the snapshot's dialect.
 *
 * <p>PostgreSQL order of creation: schemas (not {@code public}), extensions, {@code SET
 * check_function_bodies = false}, then enums, domains, composite types, sequences (without OWNED
 * BY) and functions sorted by what their signatures name, then tables (a partitioned parent before
 * its partitions) with their columns, primary key, unique, check and exclusion constraints; then
 * foreign keys and NOT VALID constraints as ALTER TABLE (so cycles between tables need nothing
 * special), sequence ownership, indexes, functions whose signature names a table or view together
 * with views and materialized views in dependency order, triggers and comments. Schemas come before
 * extensions (unlike {@link dev.schemagate.core.schema.ObjectKind}'s order) because an extension
 * may be installed into a schema the snapshot creates.
 *
 * <p>Removal is the reverse with plain DROPs, never CASCADE: foreign keys are dropped first (that
 * is what makes cycles droppable), then views, tables, functions, types, extensions and schemas.
 * Indexes, constraints, triggers and comments go with their table; owned sequences are released
 * with OWNED BY NONE first, so dropping a table never removes a sequence the script drops later.
 *
 * <p>SQLite: tables with their columns and constraints (SQLite cannot add a constraint later), then
 * indexes, views and triggers from the SQL the database stored; removal drops views and tables in
 * reverse.
 *
 * <p>The trap: statements carry the database's own renderings (constraint and index definitions,
 * view queries, function bodies) verbatim. They are exact for the server they were read from and
 * for the same major version; an older server may not accept syntax a newer one printed.
 */
public final class DdlGenerator {

  /**
   * The statement of a PostgreSQL create script that lets SQL function bodies name later tables.
   */
  public static final String NO_FUNCTION_BODY_CHECKS = "SET check_function_bodies = false";

  /** Both scripts and what they cannot carry; see {@link Ddl}. */
  public Ddl generate(SchemaSnapshot snapshot) {
    return snapshot.dialect() == Dialect.SQLITE
        ? new SqliteDdl(snapshot).generate()
        : new PostgresDdl(snapshot).generate();
  }

  /** Statements that recreate the snapshot on an empty database, in dependency order. */
  public List<String> create(SchemaSnapshot snapshot) {
    return generate(snapshot).create();
  }

  /** Statements that remove everything {@link #create} made, in reverse dependency order. */
  public List<String> drop(SchemaSnapshot snapshot) {
    return generate(snapshot).drop();
  }

  /**
   * A script body: each statement followed by {@code ;} and a blank line. A statement whose last
   * token is a {@code --} comment gets its {@code ;} on the next line, where the comment cannot
   * swallow it; dollar-quoted bodies need nothing special since the terminator comes after the
   * closing tag. Splitting the result with {@link dev.schemagate.core.sql.StatementSplitter} gives
   * the statements back.
   */
  public static String script(List<String> statements) {
    StringBuilder sb = new StringBuilder();
    for (String statement : statements) {
      String s = statement.strip();
      if (s.isEmpty()) {
        continue;
      }
      sb.append(s);
      if (endsWithLineComment(s)) {
        sb.append('\n');
      }
      sb.append(";\n\n");
    }
    return sb.toString();
  }

  private static boolean endsWithLineComment(String statement) {
    int tail = statement.lastIndexOf("--");
    if (tail < 0) {
      return false;
    }
    List<Token> tokens = SqlLexer.tokenize(statement);
    if (tokens.isEmpty()) {
      return false;
    }
    Token last = tokens.get(tokens.size() - 1);
    return last.kind() == TokenKind.COMMENT && last.text().startsWith("--");
  }
}
