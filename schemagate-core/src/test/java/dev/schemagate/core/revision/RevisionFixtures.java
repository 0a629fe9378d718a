package dev.schemagate.core.revision;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builds revisions and graphs from literals; each revision's file is {@code versions/<id>.sql}. */
public final class RevisionFixtures {
  private RevisionFixtures() {}

  /** A revision with these down_revisions (none for a base). */
  public static Revision rev(String id, String... downRevisions) {
    return new Revision(
        id, Arrays.asList(downRevisions), Set.of(), List.of(), "message " + id, file(id));
  }

  /** A revision declaring a branch label. */
  public static Revision labelled(String id, String label, String... downRevisions) {
    return new Revision(
        id, Arrays.asList(downRevisions), Set.of(label), List.of(), "message " + id, file(id));
  }

  /** A revision with down_revisions and depends_on. */
  public static Revision dependent(String id, List<String> downRevisions, List<String> dependsOn) {
    return new Revision(id, downRevisions, Set.of(), dependsOn, "message " + id, file(id));
  }

  public static Path file(String id) {
    return Path.of("versions", id + ".sql");
  }

  public static String fileName(String id) {
    return file(id).toString();
  }

  public static RevisionGraph graph(Revision... revisions) {
    return RevisionGraph.of(List.of(revisions));
  }

  /** Ids of a list of revisions. */
  public static List<String> ids(List<Revision> revisions) {
    return revisions.stream().map(Revision::id).toList();
  }
}
