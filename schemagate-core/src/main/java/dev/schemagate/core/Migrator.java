package dev.schemagate.core;

import dev.schemagate.core.api.AuditResult;
import dev.schemagate.core.api.BaselineResult;
import dev.schemagate.core.api.DiffReport;
import dev.schemagate.core.api.FilesResult;
import dev.schemagate.core.api.HistoryResult;
import dev.schemagate.core.api.LintRequest;
import dev.schemagate.core.api.LintResult;
import dev.schemagate.core.api.MigrateRequest;
import dev.schemagate.core.api.MigrateResult;
import dev.schemagate.core.api.NewRevisionRequest;
import dev.schemagate.core.api.ParityStampResult;
import dev.schemagate.core.api.PlannedStep;
import dev.schemagate.core.api.ResolveRequest;
import dev.schemagate.core.api.RevisionInfo;
import dev.schemagate.core.api.RevisionsResult;
import dev.schemagate.core.api.RunMode;
import dev.schemagate.core.api.SchemaRequest;
import dev.schemagate.core.api.ShowResult;
import dev.schemagate.core.api.StatusResult;
import dev.schemagate.core.api.ValidateResult;
import dev.schemagate.core.audit.AuditReport;
import dev.schemagate.core.audit.Auditor;
import dev.schemagate.core.audit.WarningFinding;
import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.config.ProjectConfig;
import dev.schemagate.core.config.Workspace;
import dev.schemagate.core.config.WorkspaceOptions;
import dev.schemagate.core.history.Database;
import dev.schemagate.core.history.HistoryEntry;
import dev.schemagate.core.history.MigrationLock;
import dev.schemagate.core.history.Outcome;
import dev.schemagate.core.history.VersionStore;
import dev.schemagate.core.history.VersionTable;
import dev.schemagate.core.lint.LintSettings;
import dev.schemagate.core.lint.Severity;
import dev.schemagate.core.lint.own.MigrationLinter;
import dev.schemagate.core.plan.Direction;
import dev.schemagate.core.plan.MigrationPlan;
import dev.schemagate.core.plan.PlanStep;
import dev.schemagate.core.plan.Planner;
import dev.schemagate.core.revision.Revision;
import dev.schemagate.core.revision.RevisionGraph;
import dev.schemagate.core.revision.RevisionGraphException;
import dev.schemagate.core.run.JdbcSink;
import dev.schemagate.core.run.MigrationRunner;
import dev.schemagate.core.run.RecordingSink;
import dev.schemagate.core.run.RunContext;
import dev.schemagate.core.run.RunListener;
import dev.schemagate.core.run.RunStep;
import dev.schemagate.core.run.ScriptSink;
import dev.schemagate.core.run.SqlCommand;
import dev.schemagate.core.run.StatementSink;
import dev.schemagate.core.run.StepResult;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.backup.BackupRecord;
import dev.schemagate.core.schema.backup.Backups;
import dev.schemagate.core.schema.backup.RestoredCheck;
import dev.schemagate.core.schema.diff.DiffRenderer;
import dev.schemagate.core.schema.diff.DiffResult;
import dev.schemagate.core.schema.diff.SchemaDiff;
import dev.schemagate.core.schema.drill.DrillReport;
import dev.schemagate.core.schema.scratch.ScratchServer;
import dev.schemagate.core.source.Layout;
import dev.schemagate.core.source.MigrationScript;
import dev.schemagate.core.source.MigrationSource;
import dev.schemagate.core.source.MigrationSources;
import dev.schemagate.core.source.SqlSection;
import dev.schemagate.core.sql.Dialect;
import dev.schemagate.core.sql.SqlSplitException;
import dev.schemagate.core.sql.SqlStatement;
import dev.schemagate.core.sql.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The facade every front end (CLI, later the server) calls: request records in, result records out.
 * Each method reads the files, and the database when it needs one, afresh; a Migrator holds no
 * state between calls beyond its resolved, immutable workspace.
 *
 * <p>Errors are {@link SchemagateException}s carrying the exit code and the next step. Before a
 * live run changes anything, every input is checked: files parse, the graph is sound, the target
 * resolves, every SQL section splits, applied migrations are unchanged, and no earlier failure
 * outside a transaction is unresolved.
 */
public final class Migrator {
  private final Workspace workspace;
  private final RunIdentity identity;

  public Migrator(Workspace workspace, RunIdentity identity) {
    this.workspace = workspace;
    this.identity = identity;
  }

  /** Resolves the options (configuration, environment, URL) into a Migrator. */
  public static Migrator open(WorkspaceOptions options, RunIdentity identity) {
    return new Migrator(Workspace.resolve(options), identity);
  }

  // ---------------------------------------------------------------- migrating

  /** Applies migrations up to the target. */
  public MigrateResult upgrade(MigrateRequest request) {
    return migrate("upgrade", request);
  }

  /** Reverts migrations down to the target. */
  public MigrateResult downgrade(MigrateRequest request) {
    return migrate("downgrade", request);
  }

  /** Sets the version tables to the target without running migration SQL. */
  public MigrateResult stamp(MigrateRequest request) {
    return migrate("stamp", request);
  }

  private MigrateResult migrate(String command, MigrateRequest request) {
    long t0 = System.nanoTime();
    Loaded src = load();
    src.requireExecutable();
    if (request.mode() == RunMode.SQL) {
      Dialect dialect =
          workspace.connection() == null ? Dialect.POSTGRES : workspace.connection().dialect();
      Set<String> from = parseFrom(src, request.sqlFrom());
      MigrationPlan plan = plan(command, src, from, request.target());
      List<RunStep> steps = prepare(command, src, plan, dialect, Map.of(), request.target());
      StringBuilder sql = new StringBuilder();
      ScriptSink sink = new ScriptSink(sql, dialect);
      if (from.isEmpty()) {
        new VersionTable(dialect).create().forEach(sink::execute);
      }
      new MigrationRunner(new VersionTable(dialect), context(request))
          .run(steps, sink, request.listener());
      return result(command, request, null, plan, steps, List.of(), sql.toString(), src, t0);
    }
    ConnectionSpec spec = workspace.requireConnection();
    if (request.mode() == RunMode.LIVE && workspace.governed()) {
      return new GatedExecution(this, workspace, identity, governance().workOrders())
          .run(command, request, src);
    }
    return onDatabase(command, request, src, null, null);
  }

  /**
   * A dry run or a live run on the workspace's database, planned from its state.
   *
   * @param recording for a governed run: wraps the live sink in a recorder that also hears the step
   *     events; null otherwise
   * @param expectedPlan for a governed run: the revisions the gate approved, in order; the run
   *     re-plans under its lock and stops (exit 3, nothing changed) if the plan is not this one.
   *     Null for no check
   */
  MigrateResult onDatabase(
      String command,
      MigrateRequest request,
      Loaded src,
      java.util.function.Function<StatementSink, RecordingSink> recording,
      List<String> expectedPlan) {
    long t0 = System.nanoTime();
    ConnectionSpec spec = workspace.requireConnection();
    try (Connection connection = Database.openForMigrations(spec, applicationName())) {
      VersionStore store = new VersionStore(connection, spec.dialect());
      VersionTable table = new VersionTable(spec.dialect());
      if (request.mode() == RunMode.DRY_RUN) {
        Prepared p = fromDatabase(command, src, store, spec, request.target());
        requirePlan(p, expectedPlan);
        StringBuilder sql = new StringBuilder();
        ScriptSink sink = new ScriptSink(sql, spec.dialect());
        if (!p.tablesExist()) {
          writeAll(sink, table.create());
        }
        new MigrationRunner(table, context(request)).run(p.steps(), sink, request.listener());
        return result(
            command, request, spec, p.plan(), p.steps(), List.of(), sql.toString(), src, t0);
      }
      try (MigrationLock lock =
              MigrationLock.acquire(connection, spec.dialect(), request.lockTimeout());
          JdbcSink jdbc = new JdbcSink(connection, spec.dialect() == Dialect.POSTGRES)) {
        RecordingSink recorder = recording == null ? null : recording.apply(jdbc);
        StatementSink sink = recorder == null ? jdbc : recorder;
        RunListener listener = recorder == null ? request.listener() : recorder;
        Prepared p = fromDatabase(command, src, store, spec, request.target());
        requirePlan(p, expectedPlan);
        writeAll(sink, table.create());
        List<StepResult> done =
            new MigrationRunner(table, context(request)).run(p.steps(), sink, listener);
        return result(command, request, spec, p.plan(), p.steps(), done, null, src, t0);
      }
    } catch (SQLException e) {
      throw databaseError(spec, e);
    }
  }

  private static void requirePlan(Prepared p, List<String> expected) {
    if (expected == null) {
      return;
    }
    List<String> actual = p.plan().steps().stream().map(x -> x.revision().id()).toList();
    if (!actual.equals(expected)) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          "the database moved after the governance gate passed: it planned "
              + expected
              + ", the run under the lock would execute "
              + actual
              + " (another process ran migrations in between); nothing was changed",
          "check `schemagate status`, then run the gate again");
    }
  }

  /** A plan and its steps, ready to run. */
  private record Prepared(MigrationPlan plan, List<RunStep> steps, boolean tablesExist) {}

  /**
   * Reads the database's state and plans from it, checking first that no earlier failure is
   * unresolved and that no applied migration was edited. The same for a dry run and a live one.
   */
  private Prepared fromDatabase(
      String command, Loaded src, VersionStore store, ConnectionSpec spec, String target)
      throws SQLException {
    VersionStore.State state = store.read();
    checkNotBlocked(src, state.history());
    checkUnchanged(src, state.heads(), state.history(), spec);
    MigrationPlan plan = plan(command, src, state.heads(), target);
    return new Prepared(
        plan,
        prepare(
            command, src, plan, spec.dialect(), lastRepeatableChecksums(state.history()), target),
        state.exists());
  }

  MigrationPlan plan(String command, Loaded src, Set<String> heads, String target) {
    return switch (command) {
      case "upgrade" -> Planner.upgrade(src.graph, heads, target);
      case "downgrade" -> Planner.downgrade(src.graph, heads, target);
      default -> stampPlan(src.graph, heads, target);
    };
  }

  /**
   * A stamp moves the version tables the way an upgrade or a downgrade to the target would, but
   * runs no SQL: upgrade when the target is ahead, downgrade when it is behind.
   */
  private static MigrationPlan stampPlan(RevisionGraph graph, Set<String> heads, String target) {
    try {
      return Planner.upgrade(graph, heads, target);
    } catch (RevisionGraphException e) {
      if (e.kind() != RevisionGraphException.Kind.WRONG_DIRECTION) {
        throw e;
      }
      return Planner.downgrade(graph, heads, target);
    }
  }

  /** Turns plan steps into runnable steps, reading and splitting all SQL before anything runs. */
  static List<RunStep> prepare(
      String command,
      Loaded src,
      MigrationPlan plan,
      Dialect dialect,
      Map<String, String> repeatableChecksums,
      String target) {
    boolean stamp = command.equals("stamp");
    List<RunStep> steps = new ArrayList<>(plan.steps().size());
    for (PlanStep p : plan.steps()) {
      MigrationScript script = src.byId.get(p.revision().id());
      if (stamp) {
        steps.add(new RunStep(p, script, null, List.of(), true, true));
        continue;
      }
      SqlSection section = p.direction() == Direction.UP ? script.up() : script.down();
      if (section == null) {
        String why =
            script.irreversibleReason() == null
                ? "it has no downgrade"
                : script.irreversibleReason();
        throw SchemagateException.badInput(
            script.revision().file()
                + ": revision "
                + script.id()
                + " cannot be downgraded: "
                + why,
            "choose a target above it, or write its downgrade");
      }
      steps.add(
          new RunStep(p, script, section, split(section, dialect), script.transactional(), false));
    }
    boolean toHead = target.equals("head") || target.equals("heads");
    if (command.equals("upgrade") && toHead) {
      for (MigrationScript r : src.source.repeatables()) {
        if (!r.checksum().equals(repeatableChecksums.get(r.id()))) {
          PlanStep p = new PlanStep(r.revision(), Direction.UP, List.of(), List.of());
          steps.add(new RunStep(p, r, r.up(), split(r.up(), dialect), r.transactional(), false));
        }
      }
    }
    return steps;
  }

  private static List<SqlStatement> split(SqlSection section, Dialect dialect) {
    try {
      return StatementSplitter.split(section.sql(), dialect);
    } catch (SqlSplitException e) {
      throw SchemagateException.badInput(
          section.file() + ":" + section.fileLine(e.line()) + ": " + e.getMessage(), e.nextStep());
    }
  }

  private static Map<String, String> lastRepeatableChecksums(List<HistoryEntry> history) {
    Map<String, String> last = new HashMap<>();
    for (HistoryEntry e : history) {
      if (e.kind().equals("repeatable") && e.outcome() == Outcome.SUCCESS) {
        last.put(e.revision(), e.checksum());
      }
    }
    return last;
  }

  private Set<String> parseFrom(Loaded src, String from) {
    if (from == null || from.isBlank() || from.equals("base")) {
      return Set.of();
    }
    Set<String> heads = new LinkedHashSet<>();
    for (String part : from.split(",")) {
      heads.add(src.graph.resolve(part.strip()).id());
    }
    return heads;
  }

  private MigrateResult result(
      String command,
      MigrateRequest request,
      ConnectionSpec spec,
      MigrationPlan plan,
      List<RunStep> steps,
      List<StepResult> done,
      String sql,
      Loaded src,
      long t0) {
    List<PlannedStep> planned = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      RunStep s = steps.get(i);
      planned.add(
          new PlannedStep(
              i + 1,
              s.revision(),
              s.stampOnly() ? "stamp" : s.repeatable() ? "rerun" : s.direction().lower(),
              s.plan().revision().message(),
              s.transactional(),
              s.statements().size(),
              relative(s.script().revision().file())));
    }
    return new MigrateResult(
        command,
        request.target(),
        request.mode(),
        workspace.environment(),
        workspace.governed(),
        spec == null ? null : spec.redacted(),
        sorted(plan.headsBefore()),
        sorted(plan.headsAfter()),
        planned,
        done,
        sql,
        src.warnings,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** Declares how a step that failed outside a transaction was finished by hand. */
  public MigrateResult resolve(ResolveRequest request) {
    long t0 = System.nanoTime();
    Loaded src = load();
    ConnectionSpec spec = workspace.requireConnection();
    requireUngoverned("resolve");
    try (Connection connection = Database.openForMigrations(spec, applicationName());
        MigrationLock lock =
            MigrationLock.acquire(connection, spec.dialect(), java.time.Duration.ofSeconds(60));
        JdbcSink sink = new JdbcSink(connection, spec.dialect() == Dialect.POSTGRES)) {
      VersionStore store = new VersionStore(connection, spec.dialect());
      VersionTable table = new VersionTable(spec.dialect());
      HistoryEntry blocking = null;
      for (HistoryEntry e : store.history()) {
        if (e.outcome().blocks() && e.revision().equals(request.revision())) {
          blocking = e;
        }
      }
      if (blocking == null) {
        throw SchemagateException.badInput(
            "revision " + request.revision() + " has no failed or interrupted step to resolve",
            "run `schemagate status` to see which revision, if any, is failed");
      }
      Set<String> heads = store.currentHeads();
      PlanStep step = finishedStep(src.graph, heads, blocking);
      sink.begin();
      sink.execute(table.resolveBlocking(blocking.revision()));
      if (request.applied()) {
        for (String h : step.deleteHeads()) {
          sink.execute(table.deleteHead(h));
        }
        for (String h : step.insertHeads()) {
          sink.execute(table.insertHead(h));
        }
      }
      String now = identity.clock().instant().toString();
      sink.execute(
          table.insertHistory(
              new HistoryEntry(
                  0,
                  blocking.revision(),
                  blocking.direction(),
                  blocking.kind(),
                  blocking.checksum(),
                  identity.actor(),
                  identity.host(),
                  null,
                  now,
                  now,
                  blocking.statements(),
                  Outcome.RESOLVED,
                  request.applied() ? "resolved as applied" : "resolved as rolled back",
                  identity.toolVersion())));
      sink.commit();
      Set<String> after = store.currentHeads();
      return new MigrateResult(
          "resolve",
          request.revision(),
          RunMode.LIVE,
          workspace.environment(),
          workspace.governed(),
          spec.redacted(),
          sorted(heads),
          sorted(after),
          List.of(),
          List.of(),
          null,
          src.warnings,
          (System.nanoTime() - t0) / 1_000_000);
    } catch (SQLException e) {
      throw databaseError(spec, e);
    }
  }

  /**
   * The head change a step would have made had it finished: the same rule as the planner's, for one
   * revision. UP of R removes the heads R descends from and adds R; DOWN of R removes R and
   * restores each parent no remaining head descends from.
   */
  private static PlanStep finishedStep(RevisionGraph graph, Set<String> heads, HistoryEntry e) {
    Revision r = graph.get(e.revision());
    List<String> delete = new ArrayList<>();
    List<String> insert = new ArrayList<>();
    if (e.direction() == Direction.UP) {
      Set<String> ancestors = graph.ancestors(r.id(), false);
      for (String h : heads) {
        if (ancestors.contains(h)) {
          delete.add(h);
        }
      }
      if (!heads.contains(r.id())) {
        insert.add(r.id());
      }
    } else if (heads.contains(r.id())) {
      delete.add(r.id());
      Set<String> remaining = new LinkedHashSet<>(heads);
      remaining.remove(r.id());
      Set<String> covered = graph.ancestorsOrSelf(remaining, true);
      for (String p : r.downRevisions()) {
        if (!covered.contains(p)) {
          insert.add(p);
        }
      }
    }
    return new PlanStep(r, e.direction(), delete, insert);
  }

  // ---------------------------------------------------------------- checks

  /**
   * A governed environment changes only through the governance gate, which {@code upgrade}, {@code
   * downgrade} and {@code stamp} pass through. The commands that would change it some other way
   * ({@code resolve}, {@code restore}, {@code stamp --verify-parity}) are refused: a hard stop,
   * never a silent pass.
   */
  private void requireUngoverned(String command) {
    if (workspace.governed()) {
      throw new SchemagateException(
          ExitCode.BLOCKED,
          "environment '"
              + workspace.environment()
              + "' is governed: `"
              + command
              + "` would change it outside the work-order gate, so it stops here with nothing"
              + " changed",
          "run it against an ungoverned copy, or make the change with upgrade, downgrade or"
              + " stamp --work-order <WO>");
    }
  }

  private static void checkNotBlocked(Loaded src, List<HistoryEntry> history) {
    Map<String, HistoryEntry> last = new HashMap<>();
    for (HistoryEntry e : history) {
      last.put(e.revision() + " " + e.direction(), e);
    }
    for (HistoryEntry e : last.values()) {
      if (e.outcome().blocks()) {
        MigrationScript s = src.byId.get(e.revision());
        String file = s == null ? e.revision() : s.revision().file().toString();
        throw new SchemagateException(
            ExitCode.FAILED,
            file
                + ": "
                + (e.direction() == Direction.UP ? "upgrade " : "downgrade ")
                + e.revision()
                + (e.outcome() == Outcome.RUNNING
                    ? " was interrupted while running outside a transaction"
                    : " failed outside a transaction after " + e.statements() + " statement(s)")
                + " (started "
                + e.startedAt()
                + " by "
                + e.actor()
                + "); later runs are blocked until it is resolved",
            "finish or undo its statements by hand, then run `schemagate resolve "
                + e.revision()
                + " --applied` or `schemagate resolve "
                + e.revision()
                + " --rolled-back`");
      }
    }
  }

  private void checkUnchanged(
      Loaded src, Set<String> heads, List<HistoryEntry> history, ConnectionSpec spec) {
    ValidateResult r = compare(src, heads, history, spec);
    if (!r.valid()) {
      throw new ValidationFailedException(r);
    }
  }

  private ValidateResult compare(
      Loaded src, Set<String> heads, List<HistoryEntry> history, ConnectionSpec spec) {
    Map<String, HistoryEntry> applied = lastApplied(history);
    List<ValidateResult.Problem> problems = new ArrayList<>();
    int checked = 0;
    for (String id : appliedSet(src, heads)) {
      MigrationScript script = src.byId.get(id);
      HistoryEntry e = applied.get(id);
      if (script == null || e == null || e.checksum() == null) {
        continue;
      }
      checked++;
      if (!e.checksum().equals(script.checksum())) {
        problems.add(
            new ValidateResult.Problem(
                id,
                relative(script.revision().file()),
                "applied with checksum "
                    + e.checksum().substring(0, Math.min(12, e.checksum().length()))
                    + " on "
                    + e.startedAt()
                    + ", but the file's upgrade now has "
                    + script.checksum().substring(0, 12)
                    + ": it was edited after it was applied"));
      }
    }
    for (String h : heads) {
      if (!src.byId.containsKey(h)) {
        problems.add(
            new ValidateResult.Problem(
                h, null, "the database is at revision " + h + ", which no file declares"));
      }
    }
    return new ValidateResult(spec.redacted(), checked, problems);
  }

  /** The last successful or stamped up record of each revision that is still applied. */
  private static Map<String, HistoryEntry> lastApplied(List<HistoryEntry> history) {
    Map<String, HistoryEntry> last = new HashMap<>();
    for (HistoryEntry e : history) {
      if (!e.kind().equals("versioned")) {
        continue;
      }
      if (e.outcome() == Outcome.SUCCESS || e.outcome() == Outcome.STAMPED) {
        if (e.direction() == Direction.UP) {
          last.put(e.revision(), e);
        } else {
          last.remove(e.revision());
        }
      }
    }
    return last;
  }

  /** Revisions applied: the current heads and their ancestors, dependencies included. */
  private static Set<String> appliedSet(Loaded src, Set<String> heads) {
    Set<String> applied = new LinkedHashSet<>();
    for (String h : heads) {
      if (src.graph.contains(h)) {
        applied.add(h);
        applied.addAll(src.graph.ancestors(h, true));
      }
    }
    return applied;
  }

  // ---------------------------------------------------------------- reading

  /** The database's current heads. */
  public RevisionsResult current() {
    Loaded src = load();
    ConnectionSpec spec = workspace.requireConnection();
    try (Connection connection = Database.open(spec, applicationName())) {
      VersionStore store = new VersionStore(connection, spec.dialect());
      List<RevisionInfo> infos = new ArrayList<>();
      for (String h : sorted(store.currentHeads())) {
        infos.add(src.graph.contains(h) ? info(src, h) : unknownInfo(h));
      }
      return new RevisionsResult(spec.redacted(), infos, src.warnings);
    } catch (SQLException e) {
      throw databaseError(spec, e);
    }
  }

  /** The heads of the files' graph. */
  public RevisionsResult heads() {
    Loaded src = load();
    List<RevisionInfo> infos = new ArrayList<>();
    for (String h : sorted(src.graph.heads())) {
      infos.add(info(src, h));
    }
    return new RevisionsResult(null, infos, src.warnings);
  }

  /** Revisions with several children. */
  public RevisionsResult branches() {
    Loaded src = load();
    List<RevisionInfo> infos = new ArrayList<>();
    for (Revision r : src.graph.revisions()) {
      if (src.graph.children(r.id()).size() > 1) {
        infos.add(info(src, r.id()));
      }
    }
    return new RevisionsResult(null, infos, src.warnings);
  }

  /** One revision in full. */
  public ShowResult show(String revision) {
    Loaded src = load();
    Revision r = src.graph.resolve(revision);
    MigrationScript s = src.byId.get(r.id());
    return new ShowResult(
        info(src, r.id()),
        sorted(src.graph.children(r.id())),
        s.up().sql(),
        s.down() == null ? null : s.down().sql());
  }

  /**
   * Revisions newest first, with ASCII lanes, optionally limited to a {@code from:to} range and
   * optionally drawn as a {@code mermaid} or {@code dot} graph.
   */
  public HistoryResult history(String range, String format) {
    Loaded src = load();
    List<Revision> order = src.graph.revisions();
    Set<String> keep = rangeFilter(src, range);
    List<Revision> newestFirst = new ArrayList<>(order.size());
    for (int i = order.size() - 1; i >= 0; i--) {
      if (keep == null || keep.contains(order.get(i).id())) {
        newestFirst.add(order.get(i));
      }
    }
    if (format != null && !format.equals("text")) {
      String graph =
          switch (format.toLowerCase(Locale.ROOT)) {
            case "mermaid" -> GraphFormats.mermaid(newestFirst);
            case "dot" -> GraphFormats.dot(newestFirst);
            default ->
                throw SchemagateException.badInput(
                    "unknown history format '" + format + "'", "use text, mermaid or dot");
          };
      return new HistoryResult(List.of(), graph, src.warnings);
    }
    List<String> lanes = GraphFormats.asciiLanes(newestFirst);
    List<HistoryResult.Entry> entries = new ArrayList<>(newestFirst.size());
    for (int i = 0; i < newestFirst.size(); i++) {
      entries.add(new HistoryResult.Entry(lanes.get(i), info(src, newestFirst.get(i).id())));
    }
    return new HistoryResult(entries, null, src.warnings);
  }

  private static Set<String> rangeFilter(Loaded src, String range) {
    if (range == null || range.isBlank()) {
      return null;
    }
    int colon = range.indexOf(':');
    if (colon < 0) {
      throw SchemagateException.badInput(
          "history range '" + range + "' needs a colon", "use <from>:<to>, e.g. base:head or ae1:");
    }
    String from = range.substring(0, colon).strip();
    String to = range.substring(colon + 1).strip();
    Set<String> keep = new HashSet<>();
    if (to.isEmpty() || to.equals("heads") || to.equals("head")) {
      for (Revision r : src.graph.revisions()) {
        keep.add(r.id());
      }
    } else {
      String id = src.graph.resolve(to).id();
      keep.add(id);
      keep.addAll(src.graph.ancestors(id, false));
    }
    if (!from.isEmpty() && !from.equals("base")) {
      String id = src.graph.resolve(from).id();
      Set<String> down = new HashSet<>(src.graph.descendants(id, false));
      down.add(id);
      keep.retainAll(down);
    }
    return keep;
  }

  /** Files and database merged into one state per revision. */
  public StatusResult status() {
    ConnectionSpec spec = workspace.requireConnection();
    // The database is read on its own thread while the files are read and hashed: one waits on
    // the network and the other on the disk and CPU, and status is the command people run most.
    FutureTask<VersionStore.State> fromDb =
        new FutureTask<>(
            () -> {
              try (Connection connection = Database.open(spec, applicationName())) {
                return new VersionStore(connection, spec.dialect()).read();
              }
            });
    Thread reader = new Thread(fromDb, "schemagate-status-db");
    reader.setDaemon(true);
    reader.start();
    try {
      Loaded src = load();
      VersionStore.State db = awaitDatabase(fromDb, spec);
      Set<String> heads = db.heads();
      List<HistoryEntry> history = db.history();
      Set<String> applied = appliedSet(src, heads);
      Map<String, HistoryEntry> lastApplied = lastApplied(history);
      Map<String, HistoryEntry> last = new HashMap<>();
      for (HistoryEntry e : history) {
        last.put(e.revision(), e);
      }
      List<StatusResult.Entry> entries = new ArrayList<>();
      int nApplied = 0;
      int nPending = 0;
      int nFailed = 0;
      for (Revision r : src.graph.revisions()) {
        HistoryEntry lastRow = last.get(r.id());
        HistoryEntry appliedRow = lastApplied.get(r.id());
        StatusResult.State state;
        if (lastRow != null && lastRow.outcome().blocks()) {
          state = StatusResult.State.FAILED;
          nFailed++;
        } else if (applied.contains(r.id())) {
          boolean edited =
              appliedRow != null
                  && appliedRow.checksum() != null
                  && !appliedRow.checksum().equals(src.byId.get(r.id()).checksum());
          state = edited ? StatusResult.State.EDITED : StatusResult.State.APPLIED;
          nApplied++;
        } else {
          state = StatusResult.State.PENDING;
          nPending++;
        }
        entries.add(
            new StatusResult.Entry(
                r.id(),
                r.message(),
                state,
                appliedRow == null || !applied.contains(r.id()) ? null : appliedRow.finishedAt(),
                appliedRow == null || !applied.contains(r.id()) ? null : appliedRow.actor()));
      }
      for (String h : sorted(heads)) {
        if (!src.graph.contains(h)) {
          entries.add(new StatusResult.Entry(h, "", StatusResult.State.MISSING_FILE, null, null));
        }
      }
      return new StatusResult(spec.redacted(), entries, nApplied, nPending, nFailed, src.warnings);
    } finally {
      fromDb.cancel(true);
    }
  }

  /** The result of a database read started on another thread, with its errors translated. */
  private <T> T awaitDatabase(FutureTask<T> task, ConnectionSpec spec) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemagateException(ExitCode.FAILED, "interrupted", "run the command again", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw databaseError(spec, sql);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Compares applied migrations with their files.
   *
   * @throws ValidationFailedException listing every mismatch
   */
  public ValidateResult validate() {
    Loaded src = load();
    ConnectionSpec spec = workspace.requireConnection();
    try (Connection connection = Database.open(spec, applicationName())) {
      VersionStore store = new VersionStore(connection, spec.dialect());
      VersionStore.State state = store.read();
      ValidateResult r = compare(src, state.heads(), state.history(), spec);
      if (!r.valid()) {
        throw new ValidationFailedException(r);
      }
      return r;
    } catch (SQLException e) {
      throw databaseError(spec, e);
    }
  }

  // ---------------------------------------------------------------- authoring

  /** Creates {@code schemagate.yaml} and the migrations folder where missing. */
  public FilesResult init() {
    return authoring().init();
  }

  /** Writes a new native revision file (see {@link Authoring#revision}). */
  public FilesResult revision(NewRevisionRequest request) {
    return authoring().revision(request);
  }

  /** Writes a merge revision of the given heads. */
  public FilesResult merge(List<String> revisions, String message) {
    return authoring().merge(revisions, message);
  }

  // ---------------------------------------------------------------- helpers

  // ---------------------------------------------------------------- analysis

  /**
   * Lints the migrations folder (or the files named in the request): squawk's rules, schemagate's
   * own, and the reversibility checks. Findings never throw; bad settings do.
   *
   * @throws SchemagateException (bad input) for an unknown rule id in the configuration, a bad
   *     PostgreSQL version, a missing file, or an Alembic folder (Python, not SQL: use audit)
   */
  public LintResult lint(LintRequest request) {
    ProjectConfig.Lint cfg =
        workspace.config() == null ? ProjectConfig.Lint.DEFAULTS : workspace.config().lint();
    int pg =
        request.pgVersion() != null
            ? request.pgVersion()
            : cfg.pgVersion() > 0 ? cfg.pgVersion() : LintSettings.DEFAULT_PG_VERSION;
    if (pg < 9 || pg > 99) {
      throw SchemagateException.badInput(
          "--pg-version " + pg + " is not a PostgreSQL major version",
          "pass the major version, e.g. --pg-version 16");
    }
    Map<String, Severity> severities = new HashMap<>();
    cfg.rules()
        .forEach((id, sev) -> severities.put(id, Severity.valueOf(sev.toUpperCase(Locale.ROOT))));
    LintSettings settings = new LintSettings(pg, request.assumeInTransaction(), severities);
    MigrationLinter linter = new MigrationLinter(settings);
    for (String id : cfg.rules().keySet()) {
      if (!linter.knows(id)) {
        throw SchemagateException.badInput(
            workspace.config().file() + ": lint: no rule is called '" + id + "'",
            "correct the id under lint.rules; `schemagate lint --json` lists every rule");
      }
    }
    MigrationLinter.Report report;
    List<String> warnings = List.of();
    if (!request.files().isEmpty()) {
      for (Path f : request.files()) {
        if (!Files.isRegularFile(f)) {
          throw SchemagateException.badInput(
              f + ": no such file", "pass SQL files, or no file to lint the migrations folder");
        }
      }
      report = linter.lintFiles(request.files());
    } else {
      Loaded src = load();
      if (src.source.layout() == Layout.ALEMBIC) {
        throw SchemagateException.badInput(
            workspace.migrations() + " holds Alembic revisions (Python), which lint cannot read",
            "run `schemagate audit --out <dir>` for Alembic folders");
      }
      report = linter.lint(src.source);
      warnings = src.warnings;
    }
    List<LintResult.RuleInfo> rules = new ArrayList<>();
    for (MigrationLinter.RuleEntry r : linter.catalog()) {
      rules.add(new LintResult.RuleInfo(r.id(), lower(r.severity().name()), r.summary()));
    }
    return new LintResult(
        pg,
        report.files(),
        report.statements(),
        report.count(Severity.ERROR),
        report.count(Severity.WARNING),
        report.count(Severity.INFO),
        report.findings(),
        rules,
        warnings);
  }

  /**
   * Writes the per-migration audit reports (CSV and Markdown summary per migration, plus an index)
   * for every layout the engine reads, Alembic included.
   *
   * @param outDir where to write; created when missing
   */
  public AuditResult audit(Path outDir) {
    AuditReport r = new Auditor().audit(workspace.migrations(), workspace.layout(), outDir);
    List<String> issues = new ArrayList<>();
    for (WarningFinding w : r.knownIssues()) {
      issues.add(w.migration() + ": " + lower(w.warning().name()) + " (" + w.detail() + ")");
    }
    return new AuditResult(
        r.outDir().toString(),
        r.layout().cliName(),
        r.migrations().size(),
        r.filesWritten().size(),
        r.branchPoints(),
        r.merges(),
        r.heads(),
        issues);
  }

  // ---------------------------------------------------------------- schema

  /**
   * Drills every migration of the range on a scratch database: upgrade, downgrade, upgrade again,
   * comparing snapshots at each step. The target database is never touched.
   *
   * @param range {@code from:to} or {@code to} (from base); all migrations when null
   */
  public DrillReport drill(String range, SchemaRequest request) {
    try (ScratchServer server = ScratchServer.open(request.scratch())) {
      return schema().drill(server, range, request.options());
    }
  }

  /**
   * Compares two schemas. Each side is a database URL, or a revision meaning "the history applied
   * to a scratch database up to it" ({@code base} is the empty schema).
   */
  public DiffReport diff(String from, String to, SchemaRequest request) {
    try (ScratchServer server = ScratchServer.open(request.scratch())) {
      SchemaWorkflows w = schema();
      Side a = side(w, server, from);
      Side b = side(w, server, to);
      return new DiffReport(
          a.label(), b.label(), SchemaDiff.compare(a.schema(), b.schema(), request.options()));
    }
  }

  private record Side(String label, SchemaSnapshot schema) {}

  private Side side(SchemaWorkflows w, ScratchServer server, String text) {
    if (text == null || text.isBlank()) {
      throw SchemagateException.badInput(
          "diff needs --from and --to", "give each a database URL or a revision such as head");
    }
    String t = text.strip();
    if (t.startsWith("jdbc:") || t.startsWith("postgres://") || t.startsWith("postgresql://")) {
      ConnectionSpec spec = ConnectionSpec.parse(t);
      return new Side(spec.redacted(), SchemaWorkflows.read(spec));
    }
    return new Side(w.historyLabel(server, List.of(t)), w.historySnapshot(server, List.of(t)));
  }

  /**
   * Compares the target database with what its recorded revisions should have produced, built on a
   * scratch database from the migration files.
   *
   * @throws SchemagateException (bad input) when the database records no revision
   */
  public DiffReport drift(SchemaRequest request) {
    ConnectionSpec spec = workspace.requireConnection();
    Loaded src = load();
    src.requireExecutable();
    Set<String> heads;
    try (Connection c = Database.open(spec, applicationName())) {
      VersionStore.State state = new VersionStore(c, spec.dialect()).read();
      heads = state.heads();
    } catch (SQLException e) {
      throw databaseError(spec, e);
    }
    if (heads.isEmpty()) {
      throw SchemagateException.badInput(
          spec.redacted() + " records no applied revision, so there is nothing to compare",
          "run `schemagate upgrade` or `schemagate stamp <revision>` first");
    }
    src.graph.checkCurrentHeads(heads);
    return schema().historyAgainst(request.scratch(), sorted(heads), spec, request.options());
  }

  /**
   * Stamps only when the live schema equals the history up to the target, built on a scratch
   * database. Nothing is written to the live database when they differ.
   */
  public ParityStampResult stampWithParity(MigrateRequest request, SchemaRequest schemaRequest) {
    ConnectionSpec spec = workspace.requireConnection();
    requireUngoverned("stamp --verify-parity");
    load().requireExecutable();
    DiffReport parity = parity(request.target(), schemaRequest);
    if (!parity.diff().equal()) {
      return new ParityStampResult(parity, null);
    }
    return new ParityStampResult(parity, stamp(request));
  }

  /**
   * Backs up the target database: {@code pg_dump} in custom format for PostgreSQL, the online
   * backup for SQLite. Writes a confirmation record ({@code <file>.backup.json}: file, size,
   * SHA-256, verified or not, time) beside it.
   *
   * @param file where to write; null for {@code backups/<database>-<UTC time>.<dump|sqlite>} in the
   *     project folder (the configuration file's, else the migrations folder's parent)
   * @param verify restore into a scratch database and compare schema and row counts
   */
  public BackupRecord backup(Path file, boolean verify, SchemaRequest request) {
    ConnectionSpec spec = workspace.requireConnection();
    Path target = file != null ? file : defaultBackupFile(spec);
    Backups backups =
        Backups.standard(identity.clock())
            .withCheck(
                (source, restored) -> {
                  DiffResult d =
                      SchemaDiff.compare(
                          SchemaWorkflows.read(source),
                          SchemaWorkflows.read(restored),
                          request.options());
                  return new RestoredCheck.Outcome(d.equal(), "schema: " + DiffRenderer.summary(d));
                });
    BackupRecord record = backups.backup(spec, target);
    if (!verify) {
      return record;
    }
    try (ScratchServer server = ScratchServer.open(request.scratch())) {
      return backups.verify(Path.of(record.file()), spec, server);
    }
  }

  private Path defaultBackupFile(ConnectionSpec spec) {
    Path project =
        workspace.config() != null && workspace.config().file() != null
            ? workspace.config().file().toAbsolutePath().getParent()
            : workspace.migrations().toAbsolutePath().getParent();
    String url = spec.jdbcUrl();
    int q = url.indexOf('?');
    String base = (q < 0 ? url : url.substring(0, q));
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.-]", "_");
    if (base.endsWith(".db") || base.endsWith(".sqlite")) {
      base = base.substring(0, base.lastIndexOf('.'));
    }
    String time =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC)
            .format(identity.clock().instant());
    String ext = spec.dialect() == Dialect.POSTGRES ? ".dump" : ".sqlite";
    return project.resolve("backups").resolve(base + "-" + time + ext);
  }

  /**
   * Restores a backup into the target database, after checking the file against its record's
   * SHA-256: a damaged or edited file is refused with nothing touched.
   */
  public BackupRecord restore(Path file) {
    ConnectionSpec spec = workspace.requireConnection();
    requireUngoverned("restore");
    return Backups.standard(identity.clock()).restore(file, spec);
  }

  /**
   * Writes a native root revision that recreates the live schema, proven on scratch and linted (see
   * {@link Authoring#baseline}).
   */
  public BaselineResult baseline(String message, SchemaRequest request) {
    return authoring().baseline(message, request);
  }

  /** The governance entry points: keys, the start-up guard, the audit log. */
  public Governance governance() {
    return new Governance(workspace, identity, this);
  }

  /**
   * The live schema against the history up to the target, applied on scratch: what a stamp needs to
   * be true.
   */
  DiffReport parity(String target, SchemaRequest request) {
    return schema()
        .historyAgainst(
            request.scratch(), List.of(target), workspace.requireConnection(), request.options());
  }

  private Authoring authoring() {
    return new Authoring(workspace, this);
  }

  private SchemaWorkflows schema() {
    return new SchemaWorkflows(workspace, identity);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  Loaded load() {
    return loadFrom(workspace);
  }

  /** Reads and checks the workspace's migrations folder. */
  static Loaded loadFrom(Workspace workspace) {
    MigrationSource source = MigrationSources.read(workspace.migrations(), workspace.layout());
    List<Revision> revisions = new ArrayList<>();
    for (MigrationScript s : source.versioned()) {
      revisions.add(s.revision());
    }
    return new Loaded(source, RevisionGraph.of(revisions));
  }

  private RevisionInfo info(Loaded src, String id) {
    Revision r = src.graph.get(id);
    MigrationScript s = src.byId.get(id);
    return new RevisionInfo(
        r.id(),
        r.downRevisions(),
        sorted(src.graph.labelsOf(id)),
        r.dependsOn(),
        r.message(),
        relative(r.file()),
        src.graph.children(id).isEmpty(),
        r.isMerge(),
        src.graph.children(id).size() > 1,
        s == null || s.transactional(),
        s == null ? null : s.irreversibleReason(),
        s == null ? null : s.checksum());
  }

  private static RevisionInfo unknownInfo(String id) {
    return new RevisionInfo(
        id,
        List.of(),
        List.of(),
        List.of(),
        "(no file declares this revision)",
        null,
        true,
        false,
        false,
        true,
        null,
        null);
  }

  private String relative(Path file) {
    return relative(workspace, file);
  }

  /** A file's path relative to the migrations folder, as output shows it. */
  static String relative(Workspace workspace, Path file) {
    if (file == null) {
      return null;
    }
    try {
      return workspace.migrations().toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    } catch (IllegalArgumentException e) {
      return file.toString();
    }
  }

  private RunContext context(MigrateRequest request) {
    return new RunContext(
        identity.actor(),
        identity.host(),
        request.workOrder(),
        identity.toolVersion(),
        identity.clock());
  }

  private String applicationName() {
    return "schemagate "
        + identity.toolVersion()
        + " pid "
        + ProcessHandle.current().pid()
        + "@"
        + identity.host();
  }

  private static void writeAll(StatementSink sink, List<SqlCommand> commands) throws SQLException {
    for (SqlCommand c : commands) {
      sink.execute(c);
    }
  }

  private static SchemagateException databaseError(ConnectionSpec spec, SQLException e) {
    return new SchemagateException(
        ExitCode.FAILED,
        "database error on " + spec.redacted() + ": " + ConnectionSpec.redact(e.getMessage()),
        "check that the database is reachable and that the user may create and write the"
            + " version tables",
        e);
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    List<String> l = new ArrayList<>(values);
    l.sort(null);
    return l;
  }
}
