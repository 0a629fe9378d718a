package dev.schemagate.core.sql;

import static dev.schemagate.core.sql.ParseHelpers.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.CreateIndex;
import dev.schemagate.core.sql.ast.DropIndex;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.Reindex;
import dev.schemagate.core.sql.ast.RenameObject;
import org.junit.jupiter.api.Test;

class IndexParsingTest {

  @Test
  void readsEveryCreateIndexOption() {
    CreateIndex i =
        one(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Idx\" ON ONLY app.t USING gin"
                + " ((data->>'k'), lower(name) text_pattern_ops, id DESC NULLS LAST) INCLUDE (x)"
                + " WITH (fillfactor = 90) WHERE deleted_at IS NULL AND (a > 1)",
            CreateIndex.class);
    assertThat(i.name()).isEqualTo(new QualifiedName(null, "Idx"));
    assertThat(i.table()).isEqualTo(new QualifiedName("app", "t"));
    assertThat(i.unique()).isTrue();
    assertThat(i.concurrently()).isTrue();
    assertThat(i.ifNotExists()).isTrue();
    assertThat(i.only()).isTrue();
    assertThat(i.method()).isEqualTo("gin");
    assertThat(i.keys())
        .containsExactly("(data->>'k')", "lower(name) text_pattern_ops", "id DESC NULLS LAST");
    assertThat(i.where()).isEqualTo("deleted_at IS NULL AND (a > 1)");
  }

  @Test
  void plainIndexHasDefaultsAndAnUnnamedIndexHasNoName() {
    CreateIndex i = one("create index on t (a)", CreateIndex.class);
    assertThat(i.name()).isNull();
    assertThat(i.table()).isEqualTo(new QualifiedName(null, "t"));
    assertThat(i.unique()).isFalse();
    assertThat(i.concurrently()).isFalse();
    assertThat(i.method()).isNull();
    assertThat(i.where()).isNull();
    assertThat(i.keys()).containsExactly("a");
    CreateIndex c = one("create index concurrently on t (a)", CreateIndex.class);
    assertThat(c.name()).isNull();
    assertThat(c.concurrently()).isTrue();
  }

  @Test
  void readsDropIndex() {
    DropIndex d = one("drop index concurrently if exists a, s.b cascade", DropIndex.class);
    assertThat(d.names())
        .containsExactly(new QualifiedName(null, "a"), new QualifiedName("s", "b"));
    assertThat(d.concurrently()).isTrue();
    assertThat(d.ifExists()).isTrue();
    assertThat(d.cascade()).isTrue();
    DropIndex plain = one("DROP INDEX i", DropIndex.class);
    assertThat(plain.concurrently()).isFalse();
    assertThat(plain.ifExists()).isFalse();
    assertThat(plain.cascade()).isFalse();
  }

  @Test
  void readsReindex() {
    assertThat(one("reindex index concurrently s.i", Reindex.class))
        .isEqualTo(
            new Reindex(
                "INDEX", new QualifiedName("s", "i"), true, 1, "reindex index concurrently s.i"));
    Reindex t = one("REINDEX (VERBOSE) TABLE t", Reindex.class);
    assertThat(t.targetKind()).isEqualTo("TABLE");
    assertThat(t.concurrently()).isFalse();
    assertThat(t.target()).isEqualTo(new QualifiedName(null, "t"));
  }

  @Test
  void alterIndexRenameIsARenameObject() {
    RenameObject r = one("alter index if exists s.i rename to j", RenameObject.class);
    assertThat(r.objectType()).isEqualTo("INDEX");
    assertThat(r.from()).isEqualTo(new QualifiedName("s", "i"));
    assertThat(r.to()).isEqualTo("j");
  }
}
