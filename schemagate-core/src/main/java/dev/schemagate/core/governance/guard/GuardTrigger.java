package dev.schemagate.core.governance.guard;

/**
 * The kinds of implicit migration trigger the {@link StartupGuard} looks for. Each has a stable
 * {@link #id()} for reports, JSON and waivers; never rename one.
 */
public enum GuardTrigger {
  /** Spring Boot runs Flyway at start-up: {@code spring.flyway.enabled} is not false. */
  SPRING_FLYWAY_ENABLED(
      "spring-flyway-enabled",
      "Spring Boot runs Flyway's migrate when the application starts, outside any work order",
      "set spring.flyway.enabled=false in the base application configuration and migrate through"
          + " a work order"),
  /** Spring Boot runs Liquibase at start-up: {@code spring.liquibase.enabled} is not false. */
  SPRING_LIQUIBASE_ENABLED(
      "spring-liquibase-enabled",
      "Spring Boot runs Liquibase's update when the application starts, outside any work order",
      "set spring.liquibase.enabled=false in the base application configuration and migrate"
          + " through a work order"),
  /** Hibernate creates or alters the schema itself. */
  HIBERNATE_DDL_AUTO(
      "hibernate-ddl-auto",
      "Hibernate changes the schema itself when the application starts (create drops data,"
          + " update alters tables unreviewed)",
      "set it to validate (or none) and ship the change as a migration"),
  /** SQLAlchemy creates tables from the models. */
  SQLALCHEMY_CREATE_ALL(
      "sqlalchemy-create-all",
      "metadata.create_all creates tables from the models wherever this code runs, bypassing the"
          + " migration history",
      "remove the call from application code and create the tables with a migration; keep it"
          + " only in tests against a throwaway database"),
  /** A container, process or pod runs a migration tool as part of starting. */
  CONTAINER_START_MIGRATION(
      "container-start-migration",
      "the migration runs every time the container or process starts, without approval or"
          + " evidence",
      "remove the migration from the start command and run it as a gated step:"
          + " schemagate upgrade --env <env> --work-order <WO>");

  private final String id;
  private final String why;
  private final String fix;

  GuardTrigger(String id, String why, String fix) {
    this.id = id;
    this.why = why;
    this.fix = fix;
  }

  /** The stable id, e.g. {@code spring-flyway-enabled}. */
  public String id() {
    return id;
  }

  /** Why a finding of this kind matters, in general terms. */
  public String why() {
    return why;
  }

  /** What to do about a finding of this kind, in general terms. */
  public String fix() {
    return fix;
  }

  @Override
  public String toString() {
    return id;
  }
}
