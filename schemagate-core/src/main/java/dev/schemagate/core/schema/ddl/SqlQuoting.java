package dev.schemagate.core.schema.ddl;

import dev.schemagate.core.sql.Dialect;
import java.util.Set;

/**
 * Identifier and string-literal quoting for generated DDL.
 *
 * <p>An identifier stays bare only when it reads back as the same name: lowercase ASCII letters,
 * digits and underscores, not starting with a digit, and not a keyword the dialect would take as
 * syntax. Everything else is double-quoted with {@code "} doubled. On PostgreSQL the keyword set is
 * every keyword that is not "unreserved" (reserved, type/function-name and column-name keywords),
 * the same rule as the server's {@code quote_ident}, so generated names look like the catalog's own
 * output. On SQLite it is SQLite's keyword list.
 *
 * <p>The trap: quoting is about identity, not style. {@code "Users"} and {@code users} are two
 * different tables on PostgreSQL; a name is never lowercased here.
 */
public final class SqlQuoting {
  private SqlQuoting() {}

  /**
   * PostgreSQL 16 keywords that are not unreserved (plus the few PostgreSQL 17 added), so they
   * cannot stand bare as every kind of name. Checked against {@code pg_get_keywords()} by a test.
   */
  static final Set<String> POSTGRES_KEYWORDS =
      Set.of(
          // reserved
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_catalog",
          "current_date",
          "current_role",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "localtime",
          "localtimestamp",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "placing",
          "primary",
          "references",
          "returning",
          "select",
          "session_user",
          "some",
          "symmetric",
          "system_user",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with",
          // type or function names
          "authorization",
          "binary",
          "collation",
          "concurrently",
          "cross",
          "current_schema",
          "freeze",
          "full",
          "ilike",
          "inner",
          "is",
          "isnull",
          "join",
          "left",
          "like",
          "natural",
          "notnull",
          "outer",
          "overlaps",
          "right",
          "similar",
          "tablesample",
          "verbose",
          // column names
          "between",
          "bigint",
          "bit",
          "boolean",
          "char",
          "character",
          "coalesce",
          "dec",
          "decimal",
          "exists",
          "extract",
          "float",
          "greatest",
          "grouping",
          "inout",
          "int",
          "integer",
          "interval",
          "json",
          "json_array",
          "json_arrayagg",
          "json_exists",
          "json_object",
          "json_objectagg",
          "json_query",
          "json_scalar",
          "json_serialize",
          "json_table",
          "json_value",
          "least",
          "merge_action",
          "national",
          "nchar",
          "none",
          "normalize",
          "nullif",
          "numeric",
          "out",
          "overlay",
          "position",
          "precision",
          "real",
          "row",
          "setof",
          "smallint",
          "substring",
          "time",
          "timestamp",
          "treat",
          "trim",
          "values",
          "varchar",
          "xmlattributes",
          "xmlconcat",
          "xmlelement",
          "xmlexists",
          "xmlforest",
          "xmlnamespaces",
          "xmlparse",
          "xmlpi",
          "xmlroot",
          "xmlserialize",
          "xmltable");

  /** SQLite's keywords (its documented list); quoting them is always accepted. */
  static final Set<String> SQLITE_KEYWORDS =
      Set.of(
          "abort",
          "action",
          "add",
          "after",
          "all",
          "alter",
          "always",
          "analyze",
          "and",
          "as",
          "asc",
          "attach",
          "autoincrement",
          "before",
          "begin",
          "between",
          "by",
          "cascade",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "commit",
          "conflict",
          "constraint",
          "create",
          "cross",
          "current",
          "current_date",
          "current_time",
          "current_timestamp",
          "database",
          "default",
          "deferrable",
          "deferred",
          "delete",
          "desc",
          "detach",
          "distinct",
          "do",
          "drop",
          "each",
          "else",
          "end",
          "escape",
          "except",
          "exclude",
          "exclusive",
          "exists",
          "explain",
          "fail",
          "filter",
          "first",
          "following",
          "for",
          "foreign",
          "from",
          "full",
          "generated",
          "glob",
          "group",
          "groups",
          "having",
          "if",
          "ignore",
          "immediate",
          "in",
          "index",
          "indexed",
          "initially",
          "inner",
          "insert",
          "instead",
          "intersect",
          "into",
          "is",
          "isnull",
          "join",
          "key",
          "last",
          "left",
          "like",
          "limit",
          "match",
          "materialized",
          "natural",
          "no",
          "not",
          "nothing",
          "notnull",
          "null",
          "nulls",
          "of",
          "offset",
          "on",
          "or",
          "order",
          "others",
          "outer",
          "over",
          "partition",
          "plan",
          "pragma",
          "preceding",
          "primary",
          "query",
          "raise",
          "range",
          "recursive",
          "references",
          "regexp",
          "reindex",
          "release",
          "rename",
          "replace",
          "restrict",
          "returning",
          "right",
          "rollback",
          "row",
          "rows",
          "savepoint",
          "select",
          "set",
          "table",
          "temp",
          "temporary",
          "then",
          "ties",
          "to",
          "transaction",
          "trigger",
          "unbounded",
          "union",
          "unique",
          "update",
          "using",
          "vacuum",
          "values",
          "view",
          "virtual",
          "when",
          "where",
          "window",
          "with",
          "without");

  /** A PostgreSQL identifier, quoted only when needed. */
  public static String ident(String name) {
    return ident(name, Dialect.POSTGRES);
  }

  /** An identifier for {@code dialect}, quoted only when needed. */
  public static String ident(String name, Dialect dialect) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    Set<String> keywords = dialect == Dialect.SQLITE ? SQLITE_KEYWORDS : POSTGRES_KEYWORDS;
    if (isPlain(name) && !keywords.contains(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.name} on PostgreSQL, each part quoted only when needed. */
  public static String qualified(String schema, String name) {
    return ident(schema) + "." + ident(name);
  }

  /**
   * A standard-conforming string literal: single quotes doubled, backslashes left alone. Null
   * becomes {@code NULL}.
   *
   * <p>The trap: this relies on {@code standard_conforming_strings = on} (PostgreSQL's default
   * since 9.1). Under {@code off}, a backslash in the text would start an escape.
   */
  public static String literal(String text) {
    if (text == null) {
      return "NULL";
    }
    return "'" + text.replace("'", "''") + "'";
  }

  private static boolean isPlain(String name) {
    char first = name.charAt(0);
    if (!(first >= 'a' && first <= 'z') && first != '_') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
