package dev.schemagate.core.schema.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The confirmation record of one backup, the thing governance evidence cites. It lives beside the
 * backup as {@code <file>.backup.json} and is what {@link Backups#restore} checks the file against.
 *
 * <p>The trap: {@code source} is the redacted URL and must stay so; nothing here may carry a
 * password, because the record is copied into evidence packs verbatim.
 *
 * @param file the backup file's absolute path when it was written
 * @param sizeBytes its size
 * @param sha256 its SHA-256, lower-case hex
 * @param dialect the database kind it came from
 * @param method how it was made: {@code pg_dump custom format <pg_dump version>} or {@code sqlite
 *     online backup}
 * @param source the redacted URL of the database backed up
 * @param createdAt when it was written, ISO-8601 UTC (e.g. {@code 2025-01-31T09:15:02.123Z})
 * @param verified true only when a restore into a scratch database compared equal to the source
 * @param verificationDetail what was compared and what came out; null before any verification
 */
public record BackupRecord(
    String file,
    long sizeBytes,
    String sha256,
    Dialect dialect,
    String method,
    String source,
    String createdAt,
    boolean verified,
    String verificationDetail) {

  /** The suffix of the record file next to a backup. */
  public static final String SUFFIX = ".backup.json";

  /** The record file of a backup file: {@code <file>.backup.json}. */
  public static Path recordPath(Path backupFile) {
    return backupFile.resolveSibling(backupFile.getFileName() + SUFFIX);
  }

  /** The same record with a verification outcome. */
  public BackupRecord withVerification(boolean ok, String detail) {
    return new BackupRecord(
        file, sizeBytes, sha256, dialect, method, source, createdAt, ok, detail);
  }

  /**
   * Writes this record as pretty JSON to {@code <backupFile>.backup.json}, replacing it atomically
   * (a reader never sees half a record).
   *
   * @return the record file
   */
  public Path writeBeside(Path backupFile) {
    Path target = recordPath(backupFile);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      byte[] json =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
      Files.write(tmp, json);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot write backup record " + target + ": " + e.getMessage(),
          "check that the folder is writable",
          e);
    }
  }

  /**
   * Reads the record of {@code backupFile}.
   *
   * @throws SchemagateException exit 2 when the record is missing or unreadable, naming it
   */
  public static BackupRecord readBeside(Path backupFile) {
    Path record = recordPath(backupFile);
    if (!Files.isRegularFile(record)) {
      throw SchemagateException.badInput(
          "backup " + backupFile + " has no record " + record + ", so it cannot be checked",
          "restore only backups made by schemagate backup, with their .backup.json beside them");
    }
    try {
      return new ObjectMapper().readValue(record.toFile(), BackupRecord.class);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
      throw SchemagateException.badInput(
          "cannot read backup record " + record + line + ": " + e.getOriginalMessage(),
          "the record is damaged; do not restore a backup whose record cannot be read");
    } catch (IOException e) {
      throw new SchemagateException(
          ExitCode.FAILED,
          "cannot read backup record " + record + ": " + e.getMessage(),
          "check that the file is readable",
          e);
    }
  }
}
