package dev.schemagate.core;

import dev.schemagate.core.api.BaselineResult;
import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.api.FilesResult;
import dev.schemagate.core.api.LintRequest;
import dev.schemagate.core.api.LintResult;
import dev.schemagate.core.api.NewRevisionRequest;
import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.ddl.Ddl;
import dev.schemagate.core.schema.ddl.DdlGenerator;
import dev.schemagate.core.schema.diff.SchemaDiff;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writing migration files: {@code init}, {@code revision}, {@code merge} and {@code baseline}. Kept
 * apart from {@link Migrator}, which delegates here, so that the facade stays a list of entry
 * points. Nothing here touches a database except {@code baseline}, which only reads the live one
 * and proves its file on scratch.
 */
final class Authoring {
  private final Workspace workspace;
  private final Migrator migrator;

  Authoring(Workspace workspace, Migrator migrator) {
    this.workspace = workspace;
    this.migrator = migrator;
  }

  /** Creates {@code schemagate.yaml} and the migrations folder where missing. */
  FilesResult init() {
    List<String> created = new ArrayList<>();
    try {
      Path dir = workspace.migrations();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        created.add(dir.toString());
      }
      Path config =
          workspace.config() != null
              ? workspace.config().file()
              : dir.toAbsolutePath().getParent().resolve(Workspace.DEFAULT_CONFIG);
      if (!Files.exists(config)) {
        Files.writeString(
            config,
            "# schemagate configuration\n"
                + "migrations: "
                + config.getParent().relativize(dir.toAbsolutePath())
                + "\n"
                + "default_environment: local\n"
                + "environments:\n"
                + "  local:\n"
                + "    url: jdbc:sqlite:local.db\n"
                + "  production:\n"
                + "    url_env: PRODUCTION_DATABASE_URL   # never write a password here\n"
                + "    governed: true\n");
        created.add(config.toString());
      }
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED, "cannot create files: " + e.getMessage(), "check folder permissions", e);
    }
    return new FilesResult(null, created);
  }

  /** Writes a new native revision file. */
  FilesResult revision(NewRevisionRequest request) {
    Loaded src = loadForAuthoring();
    List<String> parents = new ArrayList<>();
    if (request.heads().isEmpty()) {
      List<String> heads = src.graph.heads();
      if (heads.size() > 1) {
        throw SchemagateException.badInput(
            "the migrations have " + heads.size() + " heads: " + sorted(heads),
            "name the parent with --head <rev>, start a new root with --head base, or run"
                + " `schemagate merge` first");
      }
      parents.addAll(heads);
    } else {
      for (String h : request.heads()) {
        if (!h.equals("base")) {
          parents.add(src.graph.resolve(h).id());
        }
      }
    }
    List<String> deps = new ArrayList<>();
    for (String d : request.dependsOn()) {
      deps.add(src.graph.resolve(d).id());
    }
    return writeRevision(
        src, request.message(), parents, request.branchLabel(), deps, request.transactional());
  }

  /** Writes a merge revision whose parents are the given revisions, or all heads. */
  FilesResult merge(List<String> revisions, String message) {
    Loaded src = loadForAuthoring();
    List<String> parents = new ArrayList<>();
    if (revisions.isEmpty()) {
      parents.addAll(sorted(src.graph.heads()));
    } else {
      for (String r : revisions) {
        parents.add(src.graph.resolve(r).id());
      }
    }
    if (parents.size() < 2) {
      throw SchemagateException.badInput(
          "a merge needs at least two revisions; the migrations have "
              + parents.size()
              + " head(s)",
          "there is nothing to merge");
    }
    return writeRevision(src, message, parents, null, List.of(), true);
  }

  private FilesResult writeRevision(
      Loaded src,
      String message,
      List<String> parents,
      String label,
      List<String> deps,
      boolean transactional) {
    return writeRevision(src, message, parents, label, deps, transactional, "", "");
  }

  private FilesResult writeRevision(
      Loaded src,
      String message,
      List<String> parents,
      String label,
      List<String> deps,
      boolean transactional,
      String upgrade,
      String downgrade) {
    String id;
    SecureRandom random = new SecureRandom();
    do {
      byte[] b = new byte[6];
      random.nextBytes(b);
      StringBuilder sb = new StringBuilder();
      for (byte x : b) {
        sb.append(String.format("%02x", x));
      }
      id = sb.toString();
    } while (src.graph != null && src.graph.contains(id));
    String slug =
        message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40);
    }
    Path file = workspace.migrations().resolve(id + "_" + slug + ".sql");
    StringBuilder text = new StringBuilder();
    text.append("-- revision: ").append(id).append('\n');
    if (!parents.isEmpty()) {
      text.append("-- down_revision: ").append(String.join(" ", parents)).append('\n');
    }
    if (label != null) {
      text.append("-- branch_labels: ").append(label).append('\n');
    }
    if (!deps.isEmpty()) {
      text.append("-- depends_on: ").append(String.join(" ", deps)).append('\n');
    }
    text.append("-- message: ").append(message.replace('\n', ' ')).append('\n');
    text.append("-- transaction: ").append(transactional ? "per-migration" : "none").append('\n');
    text.append("\n-- +upgrade\n").append(upgrade).append("\n\n-- +downgrade\n").append(downgrade);
    text.append(downgrade.isEmpty() ? "\n" : "");
    try {
      Files.createDirectories(workspace.migrations());
      Files.writeString(file, text.toString(), java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot write " + file + ": " + e.getMessage(),
          "check folder permissions",
          e);
    }
    return new FilesResult(id, List.of(file.toString()));
  }

  /**
   * Writes a native root revision whose upgrade recreates the live schema (DDL in dependency order)
   * and whose downgrade removes it, then proves it: the upgrade is applied to a scratch database
   * and compared with live, and the file is linted. The live database is only read.
   *
   * @throws SchemagateException (bad input) when the migrations folder already holds revisions: a
   *     baseline starts a history
   */
  BaselineResult baseline(String message, SchemaRequest request) {
    ConnectionSpec spec = workspace.requireConnection();
    Loaded src = loadForAuthoring();
    if (!src.graph.heads().isEmpty()) {
      throw SchemagateException.badInput(
          workspace.migrations()
              + " already holds "
              + src.source.versioned().size()
              + " revision(s); a baseline starts a history",
          "write the baseline into an empty folder with --migrations <new folder>");
    }
    SchemaSnapshot live = SchemaWorkflows.read(spec);
    Ddl ddl = new DdlGenerator().generate(live);
    DiffReport verification;
    try (ScratchServer server = ScratchServer.open(request.scratch());
        ScratchDatabase db = server.create(spec.dialect())) {
      try (Connection c = Database.open(db.spec(), "schemagate baseline");
          java.sql.Statement st = c.createStatement()) {
        st.setEscapeProcessing(false);
        for (String sql : ddl.create()) {
          st.execute(sql);
        }
      } catch (SQLException e) {
        throw new SchemagateException(
            ExitCode.FAILED,
            "the generated baseline does not apply to an empty database: " + e.getMessage(),
            "this is a bug in schemagate's DDL generation; please report it with the schema",
            e);
      }
      verification =
          new DiffReport(
              spec.redacted(),
              "the baseline applied to " + SchemaWorkflows.describe(server, spec.dialect()),
              SchemaDiff.compare(live, SchemaWorkflows.read(db.spec()), request.options()));
    }
    String text = message == null || message.isBlank() ? "baseline" : message.strip();
    FilesResult written =
        writeRevision(
            src,
            text,
            List.of(),
            null,
            List.of(),
            true,
            "\n" + DdlGenerator.script(ddl.create()),
            "\n" + DdlGenerator.script(ddl.drop()));
    Path file = Path.of(written.created().get(0));
    LintResult lint = migrator.lint(new LintRequest(List.of(file), null, true));
    return new BaselineResult(
        written.revision(),
        file.toString(),
        ddl.create().size(),
        verification,
        ddl.notReproduced(),
        lint);
  }

  private Loaded loadForAuthoring() {
    if (!Files.isDirectory(workspace.migrations())) {
      MigrationSource empty =
          new MigrationSource(
              workspace.migrations(), Layout.NATIVE, List.of(), List.of(), List.of(), List.of());
      return new Loaded(empty, RevisionGraph.of(List.of()));
    }
    boolean empty;
    try (var s = Files.list(workspace.migrations())) {
      empty = s.findAny().isEmpty();
    } catch (IOException e) {
      empty = false;
    }
    if (empty) {
      MigrationSource none =
          new MigrationSource(
              workspace.migrations(), Layout.NATIVE, List.of(), List.of(), List.of(), List.of());
      return new Loaded(none, RevisionGraph.of(List.of()));
    }
    Loaded src = migrator.load();
    if (src.source.layout() != Layout.NATIVE) {
      throw SchemagateException.badInput(
          workspace.migrations()
              + " is a "
              + src.source.layout().cliName()
              + " folder; schemagate"
              + " writes new revisions only in its native format",
          "write the new migration the way " + src.source.layout().cliName() + " names them");
    }
    return src;
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    List<String> out = new ArrayList<>(values);
    java.util.Collections.sort(out);
    return out;
  }
}
