package dev.schemagate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.source.Layout;
import dev.schemagate.core.testing.Corpora;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorTest {

  @TempDir Path tmp;

  private final Auditor auditor = new Auditor();

  @Test
  void binaryUnterminatedAndHugeFilesBecomeFindingsNotCrashes() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("flyway"));
    write(dir.resolve("V1__init.sql"), "CREATE TABLE t (id int, note text);\n");
    // Not UTF-8 at all: the engine refuses the file; the audit reads the rest without it.
    byte[] junk = new byte[4096];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (0x80 + (i * 37) % 0x7f);
    }
    Files.write(dir.resolve("V2__binary.sql"), junk);
    // Valid UTF-8 but binary: NUL bytes.
    write(dir.resolve("V3__nul.sql"), "CREATE TABLE u (id int);\n\u0000\u0000\u0001\u0002PK\u0003");
    write(
        dir.resolve("V4__dollar.sql"),
        "ALTER TABLE t ADD COLUMN c int;\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n");
    Path huge = dir.resolve("V5__huge.sql");
    byte[] line =
        "INSERT INTO t (id, note) VALUES (1, 'a fairly ordinary row of data');\n"
            .getBytes(StandardCharsets.UTF_8);
    long size = 0;
    try (OutputStream out = Files.newOutputStream(huge)) {
      while (size < 50L * 1024 * 1024) {
        out.write(line);
        size += line.length;
      }
    }

    AuditReport r = auditor.audit(dir, Layout.FLYWAY, tmp.resolve("out"));

    assertThat(r.migrations())
        .extracting(MigrationAudit::stem)
        .containsExactly("V1__init", "V3__nul", "V4__dollar", "V5__huge");
    assertThat(r.knownIssues())
        .filteredOn(f -> f.migration().equals("V2__binary.sql"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.warning()).isEqualTo(AuditWarning.UNREADABLE_CONTENT);
              assertThat(f.detail()).contains("V2__binary.sql:1").contains("not valid UTF-8");
              assertThat(f.detail()).doesNotContain(tmp.toString());
            });
    assertThat(detail(r, "V3__nul", AuditWarning.UNREADABLE_CONTENT))
        .contains("NUL byte")
        .contains("V3__nul.sql:2");
    assertThat(detail(r, "V4__dollar", AuditWarning.UNREADABLE_CONTENT))
        .contains("unterminated")
        .contains("V4__dollar.sql:2");
    assertThat(find(r, "V4__dollar").sqlKeywords().upgrade()).containsEntry("ADD COLUMN", 1);
    assertThat(detail(r, "V5__huge", AuditWarning.LARGE_FILE)).contains("V5__huge.sql");
    assertThat(find(r, "V5__huge").sqlKeywords().upgrade())
        .containsEntry("INSERT", (int) (size / line.length));
    assertThat(find(r, "V1__init").warnings())
        .extracting(WarningFinding::warning)
        .containsExactly(AuditWarning.IRREVERSIBLE_DOWNGRADE);
    assertThat(Files.readString(tmp.resolve("out").resolve("index.csv")))
        .contains("issue,V2__binary.sql:unreadable_content,");
  }

  @Test
  void rerunWritesByteIdenticalFilesWithoutAbsolutePaths() throws IOException {
    List<Path> folders =
        List.of(
            Corpora.require("redash-alembic").resolve("versions"),
            Path.of("..", "examples", "onboarding", "migrations"),
            dbmateFolder());
    for (Path folder : folders) {
      Path first = tmp.resolve("first-" + folder.getFileName());
      Path second = tmp.resolve("second-" + folder.getFileName());
      auditor.audit(folder, null, first);
      auditor.audit(folder, null, second);
      Map<String, byte[]> a = contents(first);
      Map<String, byte[]> b = contents(second);
      assertThat(a).isNotEmpty();
      assertThat(b.keySet()).isEqualTo(a.keySet());
      for (String name : a.keySet()) {
        assertThat(b.get(name)).as(folder + " " + name).isEqualTo(a.get(name));
        String text = new String(a.get(name), StandardCharsets.UTF_8);
        assertThat(text).as(name).doesNotContain("\r").doesNotContain(tmp.toString());
        assertThat(text).as(name).doesNotContain(folder.toAbsolutePath().normalize().toString());
        assertThat(text).as(name).endsWith("\n");
      }
    }
  }

  @Test
  void dbmateAndGolangMigrateLayoutsAreAudited() throws IOException {
    AuditReport dbmate = auditor.audit(dbmateFolder(), null, tmp.resolve("dbmate-out"));
    assertThat(dbmate.layout()).isEqualTo(Layout.DBMATE);
    assertThat(dbmate.migrations())
        .extracting(MigrationAudit::stem)
        .containsExactly("20240101000000_users", "20240102000000_index");
    assertThat(dbmate.flagged(AuditWarning.NON_TRANSACTIONAL))
        .containsExactly("20240102000000_index");
    assertThat(dbmate.flagged(AuditWarning.CONCURRENTLY_IN_TRANSACTION)).isEmpty();
    assertThat(find(dbmate, "20240101000000_users").opCalls().downgrade())
        .containsEntry("drop_table", 1);

    Path go = Files.createDirectories(tmp.resolve("golang"));
    write(go.resolve("1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    write(go.resolve("1_users.down.sql"), "DROP TABLE users;\n");
    write(go.resolve("2_email.up.sql"), "ALTER TABLE users ADD COLUMN email text;\n");
    write(go.resolve("2_email.down.sql"), "-- nothing to do\n");
    AuditReport r = auditor.audit(go, null, tmp.resolve("go-out"));
    assertThat(r.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
    assertThat(r.migrations())
        .extracting(MigrationAudit::stem)
        .containsExactly("1_users", "2_email");
    assertThat(r.flagged(AuditWarning.EMPTY_DOWNGRADE)).containsExactly("2_email");
    assertThat(r.flagged(AuditWarning.DESTRUCTIVE)).isEmpty(); // DROP TABLE only in a down
    assertThat(Files.readString(tmp.resolve("go-out").resolve("2_email.csv")))
        .contains("meta,down_revision,1\n")
        .contains("op_call,add_column,1\n")
        .contains("sql_keyword,ADD COLUMN,1\n");
  }

  @Test
  void csvFieldsAreQuotedAsRfc4180Says() {
    StringBuilder out = new StringBuilder();
    ReportWriter.row(out, "issue", "a,b", "say \"hi\"\nthere");
    assertThat(out.toString()).isEqualTo("issue,\"a,b\",\"say \"\"hi\"\"\nthere\"\n");
  }

  @Test
  void stemsDropExtensionsAndAvoidTheIndexName() {
    assertThat(Auditor.stem(Path.of("1_users.up.sql"))).isEqualTo("1_users");
    assertThat(Auditor.stem(Path.of("abc_.py"))).isEqualTo("abc_");
    assertThat(Auditor.stem(Path.of("index.sql"))).isEqualTo("m_index");
    assertThat(Auditor.stem(Path.of("V1__a b:c.sql"))).isEqualTo("V1__a_b_c");
  }

  private Path dbmateFolder() throws IOException {
    Path dir = tmp.resolve("dbmate");
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    write(
        dir.resolve("20240101000000_users.sql"),
        "-- migrate:up\nCREATE TABLE users (id bigint);\n\n-- migrate:down\nDROP TABLE users;\n");
    write(
        dir.resolve("20240102000000_index.sql"),
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n\n"
            + "-- migrate:down\nDROP INDEX CONCURRENTLY users_id;\n");
    return dir;
  }

  private static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static MigrationAudit find(AuditReport r, String stem) {
    return r.migrations().stream().filter(m -> m.stem().equals(stem)).findFirst().orElseThrow();
  }

  private static String detail(AuditReport r, String stem, AuditWarning w) {
    return find(r, stem).warningDetails().get(w.key());
  }
}
