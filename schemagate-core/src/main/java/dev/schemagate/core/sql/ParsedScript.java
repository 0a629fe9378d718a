package dev.schemagate.core.sql;

import java.util.List;

/**
 * A parsed script.
 *
 * @param statements every non-empty statement, in order; none is ever dropped
 * @param comments every comment token of the script, in order (including those between statements)
 * @param problems what could not be SQL (unterminated quotes, binary content); empty for clean
 *     input. A script with problems still has its statements.
 */
public record ParsedScript(
    List<ParsedStatement> statements, List<Token> comments, List<ParseProblem> problems) {}
