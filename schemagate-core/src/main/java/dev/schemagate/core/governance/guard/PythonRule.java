package dev.schemagate.core.governance.guard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * SQLAlchemy's {@code metadata.create_all(}: any receiver whose name ends in {@code metadata}
 * ({@code Base.metadata}, {@code target_metadata}, {@code SQLModel.metadata}). Comments, strings
 * and docstrings are not code and are not read.
 */
final class PythonRule {
  private static final Pattern CREATE_ALL =
      Pattern.compile(
          "metadata(?:\\(\\s*\\))?\\s*\\.\\s*create_all\\s*\\(", Pattern.CASE_INSENSITIVE);

  private PythonRule() {}

  static void check(TextFile file, Findings findings) {
    List<String> code = Comments.pythonCode(file.lines());
    for (int i = 0; i < code.size(); i++) {
      if (CREATE_ALL.matcher(code.get(i)).find()) {
        findings.addLine(
            file,
            i + 1,
            GuardTrigger.SQLALCHEMY_CREATE_ALL,
            GuardTrigger.SQLALCHEMY_CREATE_ALL.why(),
            GuardTrigger.SQLALCHEMY_CREATE_ALL.fix());
      }
    }
  }
}
