package dev.schemagate.core.sql;

import dev.schemagate.core.sql.ast.Stmt;
import java.util.List;

/**
 * One statement of a script with what the parser made of it.
 *
 * @param stmt the syntax tree ({@link dev.schemagate.core.sql.ast.Unrecognised} when not
 *     understood; never null)
 * @param sql the statement text, from its first token to its last, without the terminating
 *     semicolon; comments inside it are kept
 * @param line 1-based line of the statement's first token
 * @param tokens the statement's tokens without comments and without the terminating semicolon; from
 *     {@link SqlParser} an unmodifiable list that lexes the statement again on first access (so a
 *     parsed 50 MB script does not hold every token) and keeps the script text alive
 */
public record ParsedStatement(Stmt stmt, String sql, int line, List<Token> tokens) {}
