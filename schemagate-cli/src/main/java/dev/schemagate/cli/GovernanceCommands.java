package dev.schemagate.cli;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.governance.approval.KeyFiles;
import dev.schemagate.core.governance.auditlog.AuditVerification;
import dev.schemagate.core.governance.evidence.EvidenceVerification;
import dev.schemagate.core.governance.guard.GuardFinding;
import dev.schemagate.core.governance.guard.GuardScan;
import dev.schemagate.core.governance.guard.SkippedFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The governance commands besides work orders: keys, guard scan, audit-log and evidence verify. */
final class GovernanceCommands {
  private GovernanceCommands() {}

  @Command(
      name = "keys",
      description = "Ed25519 keys for signing approvals.",
      subcommands = {NewKeys.class})
  static final class Keys extends GroupCommand {}

  @Command(
      name = "new",
      description = {
        "Write a new Ed25519 key pair: <name>.key (private, owner-only) and <name>.pub.",
        "Put the printed public_key line under your name in schemagate.yaml's people."
      })
  static final class NewKeys extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<name>", description = "Whose key: file names.")
    String name;

    @Option(
        names = "--dir",
        paramLabel = "<folder>",
        description = "Where to write the files (default: the working folder).")
    Path dir = Path.of("");

    @Override
    int run(Output out) {
      KeyFiles k = migrator().governance().newKeys(dir, name);
      out.result(k);
      out.line("private key: " + k.privateKey() + (k.ownerOnly() ? " (owner-only)" : ""));
      out.line("public key:  " + k.publicKey());
      out.line("fingerprint: " + k.fingerprint());
      out.line("for schemagate.yaml, under people:");
      out.line("  " + name + ": {role: <your role>, public_key: '" + k.inlinePublicKey() + "'}");
      if (!k.ownerOnly()) {
        out.line("warning: this filesystem cannot make the private key owner-only; protect it");
      }
      return 0;
    }
  }

  @Command(
      name = "guard",
      description = "Find migrations that would run implicitly at start-up.",
      subcommands = {GuardScanCommand.class})
  static final class Guard extends GroupCommand {}

  @Command(
      name = "scan",
      description = {
        "Scan a source tree for start-up migration triggers (Spring Flyway/Liquibase, Hibernate"
            + " ddl-auto, SQLAlchemy create_all, migrations in container start commands).",
        "Exit code 0 when none would run at start-up, 1 otherwise."
      })
  static final class GuardScanCommand extends BaseCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "<path>",
        description = "The tree to scan (default: the working folder).")
    Path root = Path.of("");

    @Override
    int run(Output out) {
      GuardScan scan = migrator().governance().guardScan(root);
      out.result(scan);
      for (GuardFinding f : scan.findings()) {
        out.line(
            f.file()
                + ":"
                + f.line()
                + ": "
                + f.trigger().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (f.inTestCode() ? " (test code, not blocking)" : "")
                + ": "
                + f.found());
        out.line("    why: " + f.why());
        out.line("    fix: " + f.fix());
      }
      for (SkippedFile s : scan.skipped()) {
        out.line("skipped: " + s);
      }
      out.line(
          scan.filesScanned()
              + " file(s) scanned: "
              + (scan.clean()
                  ? "no start-up migration found"
                  : scan.blocking().size() + " start-up migration trigger(s)"));
      return scan.clean() ? 0 : ExitCode.FAILED.code();
    }
  }

  @Command(
      name = "audit-log",
      description = "The hash-chained audit log in the target database.",
      subcommands = {AuditLogVerify.class})
  static final class AuditLogGroup extends GroupCommand {}

  @Command(
      name = "verify",
      description = {
        "Check that no audit-log entry was edited, deleted or reordered.",
        "With --anchor (seq:hash from an evidence pack), a truncated or rewritten log is found too."
            + " Exit code 0 when intact, 1 otherwise."
      })
  static final class AuditLogVerify extends BaseCommand {
    @Option(names = "--anchor", paramLabel = "<seq:hash>", description = "A head cited elsewhere.")
    String anchor;

    @Override
    int run(Output out) {
      AuditVerification v = migrator().governance().verifyAuditLog(anchor);
      out.result(v);
      out.line(v.describe());
      return v.intact() ? 0 : ExitCode.FAILED.code();
    }
  }

  @Command(
      name = "evidence",
      description = "Evidence packs written by gated runs.",
      subcommands = {EvidenceVerify.class})
  static final class EvidenceGroup extends GroupCommand {}

  @Command(
      name = "verify",
      description = {
        "Prove an evidence pack (its folder or its .zip) is intact: every file has the SHA-256"
            + " its manifest lists, nothing is missing or added, and every approval's signature"
            + " verifies against the configured people's keys (the pack's own people.json when"
            + " there is no schemagate.yaml).",
        "With --env (or --url), also that the database's audit log recorded this manifest's"
            + " SHA-256 when the run wrote it, and that the log is intact.",
        "Exit code 0 when intact, 1 otherwise."
      })
  static final class EvidenceVerify extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<pack>", description = "The pack's folder or .zip.")
    Path pack;

    @Override
    int run(Output out) {
      EvidenceVerification v = migrator().governance().verifyEvidence(pack);
      out.result(v);
      out.line(v.describe());
      return v.intact() ? 0 : ExitCode.FAILED.code();
    }
  }
}
