package dev.schemagate.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Who is running schemagate, from where: recorded with every history row.
 *
 * @param actor the person or agent
 * @param host the machine
 * @param toolVersion the schemagate version
 * @param clock the time source
 */
public record RunIdentity(String actor, String host, String toolVersion, Clock clock) {

  /**
   * Reads the identity from the environment without network look-ups (a reverse DNS lookup of the
   * host name can take seconds on a misconfigured machine, on every command).
   *
   * @param env the process environment
   * @param actor an explicit actor, or null for {@code SCHEMAGATE_ACTOR}, then the OS user
   */
  public static RunIdentity detect(Map<String, String> env, String actor, String toolVersion) {
    String who = actor;
    if (who == null) {
      who =
          env.getOrDefault(
              "SCHEMAGATE_ACTOR", env.getOrDefault("USER", System.getProperty("user.name")));
    }
    String host = env.get("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/etc/hostname")).strip();
      } catch (IOException | RuntimeException e) {
        host = "unknown";
      }
    }
    return new RunIdentity(who, host, toolVersion, Clock.systemUTC());
  }

  /** The same identity for another actor (a person proven by their key). */
  public RunIdentity withActor(String newActor) {
    return new RunIdentity(newActor, host, toolVersion, clock);
  }
}
