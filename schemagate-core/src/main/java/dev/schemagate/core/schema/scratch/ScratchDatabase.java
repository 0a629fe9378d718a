package dev.schemagate.core.schema.scratch;

import dev.schemagate.core.config.ConnectionSpec;
import dev.schemagate.core.sql.Dialect;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One new, empty database made by a {@link ScratchServer}, gone again once closed.
 *
 * <p>Use it in try-with-resources: {@link #close()} drops the PostgreSQL database (forcing out any
 * connection still open to it) or deletes the SQLite file, whether the block finished or threw. The
 * trap: close your own connections first on SQLite, where an open connection keeps writing to the
 * file being deleted; on PostgreSQL open connections are terminated.
 */
public final class ScratchDatabase implements AutoCloseable {
  private final String name;
  private final ConnectionSpec spec;
  private final Consumer<ScratchDatabase> dropper;
  private final AtomicBoolean closed = new AtomicBoolean();

  ScratchDatabase(String name, ConnectionSpec spec, Consumer<ScratchDatabase> dropper) {
    this.name = name;
    this.spec = spec;
    this.dropper = dropper;
  }

  /** Where to connect; for PostgreSQL the same user and password as the server it lives on. */
  public ConnectionSpec spec() {
    return spec;
  }

  public Dialect dialect() {
    return spec.dialect();
  }

  /** The database name ({@code sg_scratch_...}) or the SQLite file's path. */
  public String name() {
    return name;
  }

  /**
   * Drops the database. Idempotent.
   *
   * @throws dev.schemagate.core.SchemagateException (exit 1) when it could not be dropped; the
   *     message names it so it can be dropped by hand
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      dropper.accept(this);
    }
  }

  @Override
  public String toString() {
    return "ScratchDatabase[" + spec.redacted() + "]";
  }
}
