package dev.schemagate.core;

import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.plan.MigrationPlan;
import dev.schemagate.core.plan.PlanStep;
import dev.schemagate.core.plan.Planner;
import dev.schemagate.core.run.JdbcSink;
import dev.schemagate.core.run.MigrationFailedException;
import dev.schemagate.core.run.MigrationRunner;
import dev.schemagate.core.run.RunContext;
import dev.schemagate.core.run.RunListener;
import dev.schemagate.core.run.RunStep;
import dev.schemagate.core.run.SqlCommand;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.diff.AttributeChange;
import dev.schemagate.core.schema.diff.Change;
import dev.schemagate.core.schema.diff.ChangeType;
import dev.schemagate.core.schema.diff.DiffOptions;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.diff.DiffResult;
import dev.schemagate.core.schema.diff.DiffStatus;
import dev.schemagate.core.schema.diff.SchemaDiff;
import dev.schemagate.core.schema.drill.DrillReport;
import dev.schemagate.core.schema.drill.DrillStep;
import dev.schemagate.core.schema.drill.DrillVerdict;
import dev.schemagate.core.schema.introspect.Introspector;
import dev.schemagate.core.schema.scratch.ScratchDatabase;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.schema.scratch.ScratchSettings;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema commands that need the migration engine and a scratch database: the drill, snapshots
 * of "the history up to a revision", and the comparisons built on them (parity, drift). Kept out of
 * {@link Migrator} so the facade stays a list of entry points.
 */
final class SchemaWorkflows {
  private final Workspace workspace;
  private final RunIdentity identity;

  SchemaWorkflows(Workspace workspace, RunIdentity identity) {
    this.workspace = workspace;
    this.identity = identity;
  }

  /** The dialect scratch databases use: the target database's, else PostgreSQL. */
  Dialect scratchDialect() {
    return workspace.connection() == null ? Dialect.POSTGRES : workspace.connection().dialect();
  }

  /**
   * The schema the history produces up to the targets ({@code base} for none), upgraded to each in
   * turn on a fresh scratch database that is dropped afterwards.
   */
  SchemaSnapshot historySnapshot(ScratchServer server, List<String> targets) {
    try (ScratchDatabase db = server.create(scratchDialect())) {
      Workspace scratch =
          new Workspace(
              workspace.config(),
              workspace.migrations(),
              workspace.layout(),
              null,
              false,
              db.spec(),
              java.util.Map.of());
      Migrator m = new Migrator(scratch, identity);
      for (String target : targets) {
        if (!target.equals("base")) {
          m.upgrade(MigrateRequest.live(target));
        }
      }
      return read(db.spec());
    }
  }

  /** How reports name the history side: {@code history up to <targets> (<where>)}. */
  String historyLabel(ScratchServer server, List<String> targets) {
    return "history up to "
        + String.join(", ", targets)
        + " ("
        + describe(server, scratchDialect())
        + ")";
  }

  /**
   * The history up to the targets, built on scratch, against the database at {@code live}: what
   * drift and the parity check of a stamp compare.
   */
  DiffReport historyAgainst(
      ScratchSettings scratch, List<String> targets, ConnectionSpec live, DiffOptions options) {
    try (ScratchServer server = ScratchServer.open(scratch)) {
      SchemaSnapshot expected = historySnapshot(server, targets);
      return new DiffReport(
          historyLabel(server, targets),
          live.redacted(),
          SchemaDiff.compare(expected, read(live), options));
    }
  }

  /** A snapshot of the database at {@code spec}. */
  static SchemaSnapshot read(ConnectionSpec spec) {
    try (Connection c = Database.open(spec, "schemagate schema")) {
      return Introspector.read(c);
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read the schema of " + spec.redacted() + ": " + e.getMessage(),
          "check that the database is reachable",
          e);
    }
  }

  // ---------------------------------------------------------------- drill

  /**
   * Drills every migration of the range on a scratch database: upgrade (S1), downgrade (S2 must
   * equal S0), upgrade again (S3 must equal S1). A failed downgrade leaves S1, so the drill goes
   * on; a failed re-upgrade leaves S2, which is stamped at the revision so the next migration still
   * finds its parent applied. A failed first upgrade ends the drill: what follows builds on it.
   *
   * @param range {@code from:to}, or {@code to} alone from base; {@code base:heads} when null
   */
  DrillReport drill(ScratchServer server, String range, DiffOptions options) {
    long t0 = System.nanoTime();
    Loaded src = Migrator.loadFrom(workspace);
    src.requireExecutable();
    String from = "base";
    String to = "heads";
    if (range != null && !range.isBlank()) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        to = range.strip();
      } else {
        from = range.substring(0, colon).strip();
        to = range.substring(colon + 1).strip();
        from = from.isEmpty() ? "base" : from;
        to = to.isEmpty() ? "heads" : to;
      }
    }
    Set<String> startHeads = new TreeSet<>();
    if (!from.equals("base")) {
      startHeads.addAll(Planner.upgrade(src.graph, Set.of(), from).headsAfter());
    }
    MigrationPlan plan = Planner.upgrade(src.graph, startHeads, to);
    Dialect dialect = scratchDialect();
    // The history is cut in contiguous parts drilled side by side, each on its own scratch
    // database that is first brought to the part's start by a plain upgrade (no snapshots). Every
    // migration is then judged from the state the history itself produces, as in a sequential
    // drill whenever the re-upgrades give back what the upgrades gave.
    int parts = plan.steps().size() < 40 ? 1 : DRILL_PARTS;
    List<List<PlanStep>> chunks = new ArrayList<>();
    int size = (plan.steps().size() + parts - 1) / Math.max(1, parts);
    for (int i = 0; i < plan.steps().size(); i += size) {
      chunks.add(plan.steps().subList(i, Math.min(plan.steps().size(), i + size)));
    }
    List<java.util.concurrent.Future<Part>> futures = new ArrayList<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, chunks.size()));
    try {
      Set<String> heads = new TreeSet<>(startHeads);
      List<PlanStep> before = new ArrayList<>();
      for (List<PlanStep> chunk : chunks) {
        Set<String> chunkHeads = new TreeSet<>(heads);
        List<PlanStep> setup = List.copyOf(before);
        String start = from;
        futures.add(
            pool.submit(
                () -> drillPart(server, src, dialect, start, setup, chunkHeads, chunk, options)));
        for (PlanStep step : chunk) {
          heads.removeAll(step.deleteHeads());
          heads.addAll(step.insertHeads());
          before.add(step);
        }
      }
    } finally {
      pool.shutdown();
    }
    List<DrillStep> steps = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    boolean stopped = false;
    for (java.util.concurrent.Future<Part> f : futures) {
      Part part;
      try {
        part = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemagateException(ExitCode.FAILED, "the drill was interrupted", "run it again");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new SchemagateException(
            ExitCode.FAILED, "the drill failed: " + e.getCause(), "run it again", e.getCause());
      }
      if (stopped) {
        // An earlier part's upgrade failed: this part's results stand on a history that cannot
        // be applied, so its migrations count as not drilled.
        part.steps().forEach(st -> notRun.add(st.revision()));
        notRun.addAll(part.notRun());
        continue;
      }
      steps.addAll(part.steps());
      notRun.addAll(part.notRun());
      stopped =
          !part.notRun().isEmpty()
              || part.steps().stream().anyMatch(st -> st.verdict() == DrillVerdict.UPGRADE_FAILS);
    }
    String scratch = describe(server, dialect);
    return new DrillReport(from + ":" + to, scratch, steps, notRun, ms(t0));
  }

  /** How many parts of a long history are drilled at once. */
  private static final int DRILL_PARTS = 2;

  private record Part(List<DrillStep> steps, List<String> notRun) {}

  /**
   * Drills one contiguous part of the plan on its own scratch database, after a plain upgrade
   * through {@code setup} (the steps before the part). When the setup itself fails, the part is not
   * drilled: its migrations come back in {@link Part#notRun()}.
   */
  private Part drillPart(
      ScratchServer server,
      Loaded src,
      Dialect dialect,
      String from,
      List<PlanStep> setupSteps,
      Set<String> startHeads,
      List<PlanStep> chunk,
      DiffOptions options) {
    VersionTable table = new VersionTable(dialect);
    RunContext context =
        new RunContext(
            identity.actor(), identity.host(), null, identity.toolVersion(), identity.clock());
    MigrationRunner runner = new MigrationRunner(table, context);
    List<DrillStep> steps = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    try (ScratchDatabase db = server.create(dialect);
        Connection c = Database.openForMigrations(db.spec(), "schemagate drill");
        // Snapshots are read on a connection of their own: on the one that runs the migrations,
        // pgjdbc prepares the catalog queries again after every DDL statement, and planning them
        // costs more than running them (a drill of crates-io: 90 s of reading against 35 s).
        Connection reader = Database.open(db.spec(), "schemagate drill snapshots");
        JdbcSink sink = new JdbcSink(c, dialect == Dialect.POSTGRES)) {
      for (SqlCommand create : table.create()) {
        sink.execute(create);
      }
      List<PlanStep> setup = new ArrayList<>();
      if (!from.equals("base")) {
        setup.addAll(Planner.upgrade(src.graph, Set.of(), from).steps());
      }
      setup.addAll(setupSteps);
      if (!setup.isEmpty() && run(runner, sink, prepare(src, setup, dialect, false)) != null) {
        chunk.forEach(st -> notRun.add(st.revision().id()));
        return new Part(steps, notRun);
      }
      Set<String> heads = new TreeSet<>(startHeads);
      SchemaSnapshot s0 = Introspector.read(reader);
      for (int i = 0; i < chunk.size(); i++) {
        PlanStep up = chunk.get(i);
        long s = System.nanoTime();
        MigrationScript script = src.byId.get(up.revision().id());
        String file = Migrator.relative(workspace, up.revision().file());
        String failure = run(runner, sink, prepare(src, List.of(up), dialect, false));
        if (failure != null) {
          steps.add(
              new DrillStep(
                  up.revision().id(),
                  file,
                  DrillVerdict.UPGRADE_FAILS,
                  failure,
                  null,
                  null,
                  ms(s)));
          for (PlanStep rest : chunk.subList(i + 1, chunk.size())) {
            notRun.add(rest.revision().id());
          }
          break;
        }
        heads.removeAll(up.deleteHeads());
        heads.addAll(up.insertHeads());
        SchemaSnapshot s1 = Introspector.read(reader);
        if (script.down() == null) {
          DrillVerdict v =
              script.irreversibleReason() == null
                  ? DrillVerdict.NO_DOWNGRADE
                  : DrillVerdict.IRREVERSIBLE_AS_DECLARED;
          String why =
              script.irreversibleReason() == null
                  ? "the migration has no downgrade and gives no reason"
                  : script.irreversibleReason();
          steps.add(new DrillStep(up.revision().id(), file, v, why, null, null, ms(s)));
          s0 = s1;
          continue;
        }
        Set<String> others = new TreeSet<>(heads);
        others.remove(up.revision().id());
        PlanStep down = Planner.revertHead(src.graph, others, up.revision().id());
        failure = run(runner, sink, prepare(src, List.of(down), dialect, false));
        if (failure != null) {
          steps.add(
              new DrillStep(
                  up.revision().id(),
                  file,
                  DrillVerdict.DOWNGRADE_FAILS,
                  failure,
                  null,
                  null,
                  ms(s)));
          s0 = s1;
          continue;
        }
        SchemaSnapshot s2 = Introspector.read(reader);
        DiffResult downDiff = SchemaDiff.compare(s0, s2, options);
        PlanStep reup =
            new PlanStep(up.revision(), Direction.UP, down.insertHeads(), down.deleteHeads());
        failure = run(runner, sink, prepare(src, List.of(reup), dialect, false));
        if (failure != null) {
          // Leave the version tables as if the upgrade had held, so the next step's parents are
          // applied; the schema is what the downgrade left, which the report says.
          run(runner, sink, prepare(src, List.of(reup), dialect, true));
          String detail = failure + " (after the downgrade: " + summary(downDiff) + ")";
          steps.add(
              new DrillStep(
                  up.revision().id(),
                  file,
                  DrillVerdict.REUPGRADE_FAILS,
                  detail,
                  downDiff,
                  null,
                  ms(s)));
          s0 = s2;
          continue;
        }
        SchemaSnapshot s3 = Introspector.read(reader);
        DiffResult reupDiff = SchemaDiff.compare(s1, s3, options);
        steps.add(verdict(up.revision().id(), file, downDiff, reupDiff, ms(s)));
        s0 = s3;
      }
    } catch (SQLException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "the drill's scratch database failed: " + e.getMessage(),
          "run the drill again; if it repeats, try --scratch-url with a server you provide",
          e);
    }
    return new Part(steps, notRun);
  }

  /** Where scratch databases of a dialect live, for reports. */
  static String describe(ScratchServer server, Dialect dialect) {
    return dialect == Dialect.SQLITE ? "a scratch SQLite database" : server.describe();
  }

  private static DrillStep verdict(
      String revision, String file, DiffResult down, DiffResult reup, long millis) {
    DiffStatus a = down.status();
    DiffStatus b = reup.status();
    DrillVerdict v;
    String detail = null;
    if (a == DiffStatus.INCOMPLETE || b == DiffStatus.INCOMPLETE) {
      v = DrillVerdict.NOT_COMPARABLE;
      detail = a == DiffStatus.INCOMPLETE ? summary(down) : summary(reup);
    } else if ((a == DiffStatus.DIFFERENT || b == DiffStatus.DIFFERENT)
        && onlyLayout(down)
        && onlyLayout(reup)) {
      v = DrillVerdict.ONLY_LAYOUT;
      detail =
          "only whitespace or column order differs: "
              + (a == DiffStatus.DIFFERENT ? summary(down) : summary(reup));
    } else if (a == DiffStatus.DIFFERENT || b == DiffStatus.DIFFERENT) {
      v = DrillVerdict.NOT_REVERSIBLE;
      detail =
          a == DiffStatus.DIFFERENT
              ? "after the downgrade: " + summary(down)
              : "after the re-upgrade: " + summary(reup);
    } else if (a == DiffStatus.ONLY_COLUMN_ORDER || b == DiffStatus.ONLY_COLUMN_ORDER) {
      v = DrillVerdict.ONLY_COLUMN_ORDER;
      detail =
          "columns in another order: "
              + String.join(
                  ", ",
                  a == DiffStatus.ONLY_COLUMN_ORDER
                      ? down.reorderedColumns()
                      : reup.reorderedColumns());
    } else {
      v = DrillVerdict.REVERSIBLE;
    }
    return new DrillStep(revision, file, v, detail, down, reup, millis);
  }

  /**
   * True when every difference is a changed object whose changed attributes differ only in position
   * or in whitespace between the same tokens (a function body re-created with another indentation).
   * Whitespace inside quoted strings is not told apart; a body is compared as text.
   */
  static boolean onlyLayout(DiffResult diff) {
    for (Change c : diff.changes()) {
      if (c.type() != ChangeType.CHANGED) {
        return false;
      }
      for (AttributeChange ac : c.differences()) {
        if (ac.name().equals(Column.POSITION)) {
          continue;
        }
        if (ac.from() == null
            || ac.to() == null
            || !squeezed(ac.from()).equals(squeezed(ac.to()))) {
          return false;
        }
      }
    }
    return true;
  }

  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** The summary line of a diff and its first changes, on one line. */
  static String summary(DiffResult diff) {
    String text = DiffRenderer.text(diff).strip();
    String[] lines = text.split("\n");
    String head = DiffRenderer.summary(diff);
    StringBuilder sb = new StringBuilder(head);
    int shown = 0;
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.equals(head) || shown == 3) {
        continue;
      }
      if (l.startsWith("+") || l.startsWith("-") || l.startsWith("~")) {
        sb.append(shown == 0 ? ": " : "; ").append(l);
        shown++;
      }
    }
    return sb.toString();
  }

  /** Runs steps; returns null on success, else the failure's message (file, line, database). */
  private static String run(MigrationRunner runner, JdbcSink sink, List<RunStep> steps) {
    try {
      runner.run(steps, sink, RunListener.NONE);
      return null;
    } catch (MigrationFailedException e) {
      return ConnectionSpec.redact(e.getMessage());
    }
  }

  private List<RunStep> prepare(
      Loaded src, List<PlanStep> planSteps, Dialect dialect, boolean stampOnly) {
    String command =
        stampOnly
            ? "stamp"
            : planSteps.get(0).direction() == Direction.UP ? "upgrade" : "downgrade";
    MigrationPlan plan =
        new MigrationPlan(
            planSteps.get(0).direction(), new LinkedHashSet<>(), planSteps, new LinkedHashSet<>());
    return Migrator.prepare(command, src, plan, dialect, Map.of(), "drill");
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
