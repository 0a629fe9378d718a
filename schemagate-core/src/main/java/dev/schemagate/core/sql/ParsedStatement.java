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
 * @param tokens the statement's tokens without comments and without the terminating semicolon
 */
public record ParsedStatement(Stmt stmt, String sql, int line, List<Token> tokens) {}
