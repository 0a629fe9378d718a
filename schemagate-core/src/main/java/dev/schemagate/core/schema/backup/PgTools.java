package dev.schemagate.core.schema.backup;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds {@code pg_dump} and {@code pg_restore} and chooses one that can handle a given server.
 *
 * <p>The trap this exists for: pg_dump refuses a server of a newer major version than its own
 * ("aborting because of server version mismatch"), and pg_restore cannot read an archive written by
 * a newer pg_dump. Debian-style systems install several majors side by side under {@code
 * /usr/lib/postgresql/<major>/bin}, only one of which is on the PATH; so both places are searched
 * and the newest suitable program wins.
 */
public final class PgTools {
  private static final Pattern VERSION = Pattern.compile("\\)\\s+(\\d+)(?:\\.(\\d+))?");

  private final List<Path> searchDirs;

  /** Searches exactly these folders, in this order. */
  public PgTools(List<Path> searchDirs) {
    this.searchDirs = List.copyOf(searchDirs);
  }

  /** The PATH, then {@code /usr/lib/postgresql/*}{@code /bin} newest first. */
  public static PgTools standard() {
    Set<Path> dirs = new LinkedHashSet<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String p : path.split(File.pathSeparator)) {
        if (!p.isBlank()) {
          dirs.add(Path.of(p));
        }
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      List<Path> versions = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(debian)) {
        ds.forEach(d -> versions.add(d.resolve("bin")));
      } catch (IOException ignored) {
        // an unreadable folder holds nothing we can run
      }
      versions.sort(Comparator.comparing(Path::toString).reversed());
      dirs.addAll(versions);
    }
    return new PgTools(new ArrayList<>(dirs));
  }

  /** Every working copy of {@code name} in the search folders, in search order. */
  public List<PgTool> find(String name) {
    List<PgTool> found = new ArrayList<>();
    List<Path> wrappers = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path dir : searchDirs) {
      Path candidate = dir.resolve(name);
      if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
        continue;
      }
      Path real;
      try {
        real = candidate.toRealPath();
      } catch (IOException e) {
        real = candidate;
      }
      // /usr/lib/postgresql/15/bin/pg_dump reached through two PATH entries is one program;
      // Debian's /usr/bin/pg_dump wrapper resolves elsewhere and is kept.
      if (!seen.add(real)) {
        continue;
      }
      // Debian's wrapper is a Perl script that runs one of the /usr/lib/postgresql/*/bin
      // programs, which are searched too: starting Perl twice per backup cost more than the dump
      // of a small database. It is used only when no program is found directly.
      if (real.getFileName() != null && real.getFileName().toString().equals("pg_wrapper")) {
        wrappers.add(candidate);
        continue;
      }
      PgTool tool = probe(name, candidate);
      if (tool != null) {
        found.add(tool);
      }
    }
    if (found.isEmpty()) {
      for (Path w : wrappers) {
        PgTool tool = probe(name, w);
        if (tool != null) {
          found.add(tool);
        }
      }
    }
    return found;
  }

  private static PgTool probe(String name, Path program) {
    try {
      Process p =
          new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      Matcher m = VERSION.matcher(out);
      if (!m.find()) {
        return null;
      }
      String version = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
      return new PgTool(name, program, version, Integer.parseInt(m.group(1)));
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The pg_dump to dump a server with: the newest found, which must be at least the server's major.
   *
   * @param serverVersion the server's version for messages, e.g. {@code 16.4}
   * @throws SchemagateException exit 1 saying pg_dump is not on the PATH, or which pg_dump versions
   *     were found and which client package to install
   */
  public static PgTool chooseDump(List<PgTool> found, int serverMajor, String serverVersion) {
    if (found.isEmpty()) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "pg_dump is not on the PATH (nor in /usr/lib/postgresql/*/bin): a PostgreSQL backup"
              + " needs pg_dump "
              + serverMajor
              + " or newer for the server's PostgreSQL "
              + serverVersion,
          "install the PostgreSQL client tools, version "
              + serverMajor
              + " or newer (e.g. postgresql-client-"
              + serverMajor
              + "), and put pg_dump on the PATH");
    }
    PgTool newest = newest(found);
    if (newest.major() < serverMajor) {
      throw new SchemagateException(
          ExitCode.FAILED,
          describe(found)
              + " cannot dump PostgreSQL "
              + serverVersion
              + "; install postgresql-client-"
              + serverMajor
              + " or newer",
          "put pg_dump " + serverMajor + " or newer on the PATH (found: " + paths(found) + ")");
    }
    return newest;
  }

  /**
   * The pg_restore to read an archive with: the newest found, which must be at least the major of
   * the pg_dump that wrote it.
   *
   * @param dumpMajor the major of the pg_dump that wrote the archive; 0 when unknown
   * @throws SchemagateException exit 1 when none is found or all are too old
   */
  public static PgTool chooseRestore(List<PgTool> found, int dumpMajor) {
    if (found.isEmpty()) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "pg_restore is not on the PATH (nor in /usr/lib/postgresql/*/bin): restoring a"
              + " PostgreSQL backup needs it",
          "install the PostgreSQL client tools"
              + (dumpMajor > 0 ? ", version " + dumpMajor + " or newer," : "")
              + " and put pg_restore on the PATH");
    }
    PgTool newest = newest(found);
    if (newest.major() < dumpMajor) {
      throw new SchemagateException(
          ExitCode.FAILED,
          describe(found)
              + " cannot read a backup written by pg_dump "
              + dumpMajor
              + "; install postgresql-client-"
              + dumpMajor
              + " or newer",
          "put pg_restore " + dumpMajor + " or newer on the PATH (found: " + paths(found) + ")");
    }
    return newest;
  }

  private static PgTool newest(List<PgTool> found) {
    // Stable: among equal versions the first found (PATH order) wins.
    return found.stream()
        .max(
            Comparator.comparingInt(PgTool::major)
                .thenComparing(t -> minor(t.version()))
                .thenComparing(t -> -found.indexOf(t)))
        .orElseThrow();
  }

  private static int minor(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? 0 : Integer.parseInt(version.substring(dot + 1));
  }

  /** "pg_dump 15.18" or "pg_dump 14.9 and 15.18". */
  private static String describe(List<PgTool> found) {
    List<String> versions =
        found.stream().map(PgTool::version).distinct().sorted(versionOrder()).toList();
    String name = found.get(0).name();
    if (versions.size() == 1) {
      return name + " " + versions.get(0);
    }
    return name
        + " "
        + String.join(", ", versions.subList(0, versions.size() - 1))
        + " and "
        + versions.get(versions.size() - 1);
  }

  private static Comparator<String> versionOrder() {
    return Comparator.comparingInt((String v) -> Integer.parseInt(v.split("\\.")[0]))
        .thenComparingInt(PgTools::minor);
  }

  private static String paths(List<PgTool> found) {
    return found.stream().map(t -> t.path().toString()).collect(Collectors.joining(", "));
  }
}
