package dev.schemagate.core.revision;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.util.List;

/**
 * The revision graph's own error family. Every one is bad input (exit code 2): the files or the
 * target the user gave must change. Messages name the files involved.
 */
public class RevisionGraphException extends SchemagateException {

  /** What went wrong, so callers and tests can tell errors apart without parsing messages. */
  public enum Kind {
    DUPLICATE_ID,
    MISSING_PARENT,
    CYCLE,
    AMBIGUOUS_PREFIX,
    MULTIPLE_HEADS,
    UNKNOWN_REVISION,
    BAD_TARGET,
    /** A relative move ({@code +N}/{@code -N}) goes past the end of the graph or over a fork. */
    RELATIVE_OUT_OF_RANGE,
    /** Two revisions declare the same branch label, or a label equals a revision id. */
    DUPLICATE_LABEL,
    /** A branch label is a reserved word or holds characters that targets cannot express. */
    INVALID_LABEL,
    /**
     * The target lies the other way: an upgrade to a revision older than the current heads, or a
     * downgrade to a revision that is not applied.
     */
    WRONG_DIRECTION
  }

  private final Kind kind;
  private final List<String> revisions;

  public RevisionGraphException(
      Kind kind, List<String> revisions, String message, String nextStep) {
    super(ExitCode.USAGE, message, nextStep);
    this.kind = kind;
    this.revisions = List.copyOf(revisions);
  }

  public Kind kind() {
    return kind;
  }

  /** The revision ids (or target text) involved. */
  public List<String> revisions() {
    return revisions;
  }
}
