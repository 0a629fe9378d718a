package dev.schemagate.core;

import dev.schemagate.core.api.ValidateResult;

/** Applied migrations no longer match their files. Bad input: the files must be put back. */
public class ValidationFailedException extends SchemagateException {
  private final transient ValidateResult result;

  public ValidationFailedException(ValidateResult result) {
    super(ExitCode.USAGE, message(result), advice());
    this.result = result;
  }

  private static String message(ValidateResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.problems().size()).append(" applied migration(s) do not match their files:");
    for (ValidateResult.Problem p : r.problems()) {
      sb.append("\n  ")
          .append(p.file() == null ? p.revision() : p.file())
          .append(": ")
          .append(p.problem());
    }
    return sb.toString();
  }

  private static String advice() {
    return "an applied migration must not change: restore the file as it was applied (see its"
        + " version control history) and put the change in a new revision";
  }

  @Override
  public Object details() {
    return result;
  }
}
