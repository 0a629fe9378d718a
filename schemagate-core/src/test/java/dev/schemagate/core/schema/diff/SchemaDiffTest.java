package dev.schemagate.core.schema.diff;

import static dev.schemagate.core.schema.diff.Fixtures.column;
import static dev.schemagate.core.schema.diff.Fixtures.comment;
import static dev.schemagate.core.schema.diff.Fixtures.composite;
import static dev.schemagate.core.schema.diff.Fixtures.domain;
import static dev.schemagate.core.schema.diff.Fixtures.enumType;
import static dev.schemagate.core.schema.diff.Fixtures.extension;
import static dev.schemagate.core.schema.diff.Fixtures.foreignKey;
import static dev.schemagate.core.schema.diff.Fixtures.function;
import static dev.schemagate.core.schema.diff.Fixtures.index;
import static dev.schemagate.core.schema.diff.Fixtures.schema;
import static dev.schemagate.core.schema.diff.Fixtures.sequence;
import static dev.schemagate.core.schema.diff.Fixtures.snapshot;
import static dev.schemagate.core.schema.diff.Fixtures.trigger;
import static dev.schemagate.core.schema.diff.Fixtures.unique;
import static dev.schemagate.core.schema.diff.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDiffTest {

  private static final Table USERS = Fixtures.table("users");

  /** One object of every kind, and the same object with one attribute changed. */
  static Stream<Arguments> everyKind() {
    return Stream.of(
        Arguments.of(
            Fixtures.table("users"),
            new Table("public", "users", "unlogged", null, null, null),
            "persistence"),
        Arguments.of(
            column("users", "email", 2, "text", true),
            column("users", "email", 2, "text", false),
            "nullable"),
        Arguments.of(
            foreignKey("orders", "orders_user_id_fkey", "user_id", "users", "CASCADE"),
            foreignKey("orders", "orders_user_id_fkey", "user_id", "users", "RESTRICT"),
            "on delete"),
        Arguments.of(
            index("users", "users_email_idx", null, "email"),
            index("users", "users_email_idx", "(deleted_at IS NULL)", "email"),
            "predicate"),
        Arguments.of(sequence("ticket_seq", 1), sequence("ticket_seq", 10), "increment"),
        Arguments.of(
            view("active_users", " SELECT id FROM users;"),
            view("active_users", " SELECT id, email FROM users;"),
            "definition"),
        Arguments.of(
            function("double_it", "select $1 * 2"),
            function("double_it", "select $1 + $1"),
            "definition"),
        Arguments.of(
            trigger("users", "users_touch", "BEFORE"),
            trigger("users", "users_touch", "AFTER"),
            "definition"),
        Arguments.of(
            enumType("mood", "sad", "happy"), enumType("mood", "sad", "ok", "happy"), "labels"),
        Arguments.of(
            domain("email", "(VALUE ~ '@')"), domain("email", "(VALUE ~ '.@.')"), "checks"),
        Arguments.of(
            composite("pair", "a integer", "b text"),
            composite("pair", "a integer", "b character varying"),
            "fields"),
        Arguments.of(extension("pg_trgm", "1.5"), extension("pg_trgm", "1.6"), "version"),
        Arguments.of(
            comment(ObjectKind.TABLE, "public.users", "people"),
            comment(ObjectKind.TABLE, "public.users", "accounts"),
            "text"));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void namesEachKindAddedRemovedAndChanged(SchemaObject before, SchemaObject after, String attr) {
    SchemaSnapshot empty = snapshot();
    SchemaSnapshot was = snapshot(before);
    SchemaSnapshot now = snapshot(after);

    assertThat(SchemaDiff.compare(was, was).status()).isEqualTo(DiffStatus.EQUAL);
    assertThat(SchemaDiff.compare(empty, now).changes())
        .extracting(Change::type, Change::kind, Change::key)
        .containsExactly(tuple(ChangeType.ADDED, after.kind(), after.key()));
    assertThat(SchemaDiff.compare(was, empty).changes())
        .extracting(Change::type, Change::kind, Change::key)
        .containsExactly(tuple(ChangeType.REMOVED, before.kind(), before.key()));

    DiffResult changed = SchemaDiff.compare(was, now);
    assertThat(changed.status()).isEqualTo(DiffStatus.DIFFERENT);
    assertThat(changed.equal()).isFalse();
    assertThat(changed.changes()).hasSize(1);
    Change c = changed.changes().get(0);
    assertThat(c.type()).isEqualTo(ChangeType.CHANGED);
    assertThat(c.kind()).isEqualTo(before.kind());
    assertThat(c.differences())
        .extracting(AttributeChange::name, AttributeChange::from, AttributeChange::to)
        .contains(tuple(attr, before.attributes().get(attr), after.attributes().get(attr)));
    // A constraint's or index's printed definition restates its parts, so it differs too.
    assertThat(c.differences())
        .extracting(AttributeChange::name)
        .allMatch(n -> n.equals(attr) || n.equals("definition"));
  }

  @Test
  void schemaAddedAndRemoved() {
    DiffResult r = SchemaDiff.compare(snapshot(schema("audit")), snapshot(schema("billing")));
    assertThat(r.changes())
        .extracting(Change::type, Change::key)
        .containsExactly(tuple(ChangeType.REMOVED, "audit"), tuple(ChangeType.ADDED, "billing"));
  }

  @Test
  void onlyColumnOrderIsItsOwnStatusWithOrWithoutTheOption() {
    SchemaSnapshot before =
        snapshot(
            USERS,
            column("users", "id", 1, "integer", false),
            column("users", "email", 2, "text", true),
            column("users", "name", 3, "text", true));
    // name dropped and re-added: it now sits last
    SchemaSnapshot after =
        snapshot(
            USERS,
            column("users", "id", 1, "integer", false),
            column("users", "name", 2, "text", true),
            column("users", "email", 3, "text", true));

    DiffResult strict = SchemaDiff.compare(before, after, DiffOptions.STRICT);
    assertThat(strict.status()).isEqualTo(DiffStatus.ONLY_COLUMN_ORDER);
    assertThat(strict.onlyColumnOrder()).isTrue();
    assertThat(strict.equal()).isFalse();
    assertThat(strict.changes())
        .extracting(Change::key, c -> c.differences().get(0))
        .containsExactly(
            tuple("public.users.email", new AttributeChange("position", "2", "3")),
            tuple("public.users.name", new AttributeChange("position", "3", "2")));

    DiffResult lenient =
        SchemaDiff.compare(before, after, DiffOptions.DEFAULT.withIgnoreColumnOrder(true));
    assertThat(lenient.status()).isEqualTo(DiffStatus.ONLY_COLUMN_ORDER);
    assertThat(lenient.onlyColumnOrder()).isTrue();
    assertThat(lenient.equal()).isTrue();
    assertThat(lenient.changes()).isEmpty();
    assertThat(lenient.reorderedColumns())
        .containsExactly("public.users.email", "public.users.name");
  }

  @Test
  void columnOrderPlusARealDifferenceIsDifferent() {
    SchemaSnapshot before =
        snapshot(
            USERS,
            column("users", "id", 1, "integer", false),
            column("users", "email", 2, "text", true));
    SchemaSnapshot after =
        snapshot(
            USERS,
            column("users", "email", 1, "text", true, "''::text"),
            column("users", "id", 2, "integer", false));

    for (DiffOptions o : List.of(DiffOptions.STRICT, DiffOptions.LENIENT)) {
      DiffResult r = SchemaDiff.compare(before, after, o);
      assertThat(r.status()).as(o.toString()).isEqualTo(DiffStatus.DIFFERENT);
      assertThat(r.onlyColumnOrder()).isFalse();
      assertThat(r.equal()).isFalse();
    }
    DiffResult lenient = SchemaDiff.compare(before, after, DiffOptions.LENIENT);
    assertThat(lenient.changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.differences())
                    .containsExactly(new AttributeChange("default", null, "''::text")));
  }

  @Test
  void columnAddedInTheMiddleDoesNotMoveTheOthers() {
    SchemaSnapshot before =
        snapshot(
            USERS,
            column("users", "id", 1, "integer", false),
            column("users", "email", 2, "text", true));
    SchemaSnapshot after =
        snapshot(
            USERS,
            column("users", "id", 1, "integer", false),
            column("users", "name", 2, "text", true),
            column("users", "email", 3, "text", true));

    DiffResult r = SchemaDiff.compare(before, after);
    assertThat(r.reorderedColumns()).isEmpty();
    assertThat(r.changes())
        .extracting(Change::type, Change::key)
        .containsExactly(tuple(ChangeType.ADDED, "public.users.name"));
  }

  @Test
  void renamedConstraintIsOneChangeNamingBothNames() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(USERS, unique("users", "users_email_key", "email")),
            snapshot(USERS, unique("users", "uq_users_email", "email")));

    assertThat(r.status()).isEqualTo(DiffStatus.DIFFERENT);
    assertThat(r.changes()).hasSize(1);
    Change c = r.changes().get(0);
    assertThat(c.type()).isEqualTo(ChangeType.CHANGED);
    assertThat(c.renamed()).isTrue();
    assertThat(c.key()).isEqualTo("public.users.uq_users_email");
    assertThat(c.previousKey()).isEqualTo("public.users.users_email_key");
    assertThat(c.differences())
        .containsExactly(new AttributeChange("name", "users_email_key", "uq_users_email"));
  }

  @Test
  void renamedConstraintIsNoDifferenceWhenGeneratedNamesAreIgnored() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(USERS, unique("users", "users_email_key", "email")),
            snapshot(USERS, unique("users", "users_email_key1", "email")),
            DiffOptions.DEFAULT.withIgnoreGeneratedNames(true));

    assertThat(r.status()).isEqualTo(DiffStatus.EQUAL);
    assertThat(r.equal()).isTrue();
  }

  @Test
  void renamedIndexIsPairedThoughItsDefinitionHoldsItsName() {
    SchemaSnapshot before = snapshot(USERS, index("users", "users_email_idx", null, "email"));
    SchemaSnapshot after = snapshot(USERS, index("users", "idx_users_email", null, "email"));

    DiffResult strict = SchemaDiff.compare(before, after);
    assertThat(strict.changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.differences())
                    .containsExactly(
                        new AttributeChange("name", "users_email_idx", "idx_users_email")));
    assertThat(SchemaDiff.compare(before, after, DiffOptions.LENIENT).equal()).isTrue();
  }

  @Test
  void pairByDefinitionStillReportsWhatElseDiffers() {
    Constraint valid = foreignKey("orders", "orders_user_id_fkey", "user_id", "users", "CASCADE");
    Constraint notValid =
        new Constraint(
            "public",
            "orders",
            "fk_orders_user",
            ConstraintType.FOREIGN_KEY,
            valid.columns(),
            valid.definition(),
            valid.references(),
            valid.onUpdate(),
            valid.onDelete(),
            false,
            false,
            false);

    DiffResult r = SchemaDiff.compare(snapshot(valid), snapshot(notValid), DiffOptions.LENIENT);
    assertThat(r.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.previousKey()).isEqualTo("public.orders.orders_user_id_fkey");
              assertThat(c.differences())
                  .containsExactly(new AttributeChange("validated", "true", "false"));
            });
  }

  @Test
  void differentDefinitionsAreNotPairedEvenWhenNamesAreIgnored() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(USERS, unique("users", "users_email_key", "email")),
            snapshot(USERS, unique("users", "users_name_key", "name")),
            DiffOptions.LENIENT);
    assertThat(r.changes())
        .extracting(Change::type, Change::key)
        .containsExactly(
            tuple(ChangeType.REMOVED, "public.users.users_email_key"),
            tuple(ChangeType.ADDED, "public.users.users_name_key"));
  }

  @Test
  void identicalCandidatesArePairedInKeyOrder() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(
                USERS,
                index("users", "a_idx", null, "email"),
                index("users", "b_idx", null, "email")),
            snapshot(
                USERS,
                index("users", "c_idx", null, "email"),
                index("users", "d_idx", null, "email")));
    assertThat(r.changes())
        .extracting(Change::previousKey, Change::key)
        .containsExactly(
            tuple("public.users.a_idx", "public.users.c_idx"),
            tuple("public.users.b_idx", "public.users.d_idx"));
  }

  @Test
  void commentFollowsAConstraintPairedByDefinition() {
    SchemaSnapshot before =
        snapshot(
            unique("users", "users_email_key", "email"),
            comment(ObjectKind.CONSTRAINT, "public.users.users_email_key", "one per person"));
    SchemaSnapshot sameText =
        snapshot(
            unique("users", "users_email_key1", "email"),
            comment(ObjectKind.CONSTRAINT, "public.users.users_email_key1", "one per person"));
    SchemaSnapshot otherText =
        snapshot(
            unique("users", "users_email_key1", "email"),
            comment(ObjectKind.CONSTRAINT, "public.users.users_email_key1", "one each"));

    assertThat(SchemaDiff.compare(before, sameText, DiffOptions.LENIENT).equal()).isTrue();
    assertThat(SchemaDiff.compare(before, otherText, DiffOptions.LENIENT).changes())
        .extracting(Change::type, Change::kind, Change::key)
        .containsExactly(
            tuple(
                ChangeType.CHANGED,
                ObjectKind.COMMENT,
                "constraint public.users.users_email_key1"));
  }

  @Test
  void incompleteSnapshotsAreNeverEqual() {
    SchemaSnapshot complete = snapshot(USERS);
    SchemaSnapshot skipping =
        snapshot(List.of("1 row-level security policy on public.users"), USERS);

    for (DiffResult r :
        List.of(
            SchemaDiff.compare(complete, skipping),
            SchemaDiff.compare(skipping, complete, DiffOptions.LENIENT),
            SchemaDiff.compare(skipping, skipping))) {
      assertThat(r.changes()).isEmpty();
      assertThat(r.equal()).isFalse();
      assertThat(r.onlyColumnOrder()).isFalse();
      assertThat(r.status()).isEqualTo(DiffStatus.INCOMPLETE);
      assertThat(r.skipped()).isNotEmpty();
    }
    assertThat(SchemaDiff.compare(complete, skipping).skipped())
        .containsExactly(
            new Skipped(Skipped.Side.TO, "1 row-level security policy on public.users"));
  }

  @Test
  void incompleteStillListsTheDifferencesItFound() {
    DiffResult r =
        SchemaDiff.compare(snapshot(List.of("an aggregate public.agg(integer)")), snapshot(USERS));
    assertThat(r.status()).isEqualTo(DiffStatus.INCOMPLETE);
    assertThat(r.changes()).extracting(Change::key).containsExactly("public.users");
  }

  @Test
  void duplicateKeysMakeTheComparisonIncomplete() {
    DiffResult r = SchemaDiff.compare(snapshot(USERS, Fixtures.table("users")), snapshot(USERS));
    assertThat(r.equal()).isFalse();
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.side()).isEqualTo(Skipped.Side.FROM);
              assertThat(s.what()).contains("table public.users");
            });
  }

  @Test
  void objectsOfAnAddedTableAreGroupedUnderIt() {
    DiffResult r =
        SchemaDiff.compare(
            snapshot(USERS),
            snapshot(
                USERS,
                column("users", "id", 1, "integer", false),
                Fixtures.table("orders"),
                column("orders", "id", 1, "integer", false),
                index("orders", "orders_id_idx", null, "id"),
                comment(ObjectKind.COLUMN, "public.orders.id", "the key"),
                comment(ObjectKind.TABLE, "public.orders", "what was bought")));

    assertThat(r.topLevel())
        .extracting(Change::kind, Change::key)
        .containsExactly(
            tuple(ObjectKind.TABLE, "public.orders"), tuple(ObjectKind.COLUMN, "public.users.id"));
    Change orders = r.topLevel().get(0);
    assertThat(r.within(orders))
        .extracting(Change::kind, Change::key)
        .containsExactly(
            tuple(ObjectKind.COLUMN, "public.orders.id"),
            tuple(ObjectKind.INDEX, "public.orders.orders_id_idx"),
            tuple(ObjectKind.COMMENT, "column public.orders.id"),
            tuple(ObjectKind.COMMENT, "table public.orders"));
    assertThat(r.count(ChangeType.ADDED)).isEqualTo(2);
  }

  @Test
  void changesAreSortedByKindThenKeyWhateverTheInputOrder() {
    List<SchemaObject> before =
        new ArrayList<>(
            List.of(
                USERS,
                column("users", "b", 1, "integer", false),
                column("users", "a", 2, "integer", false),
                comment(ObjectKind.TABLE, "public.users", "x"),
                sequence("s", 1),
                enumType("e", "x")));
    List<SchemaObject> after =
        new ArrayList<>(
            List.of(
                USERS,
                column("users", "b", 1, "bigint", false),
                column("users", "a", 2, "bigint", false),
                Fixtures.table("zeta"),
                sequence("s", 2),
                enumType("e", "x", "y"),
                view("v", "SELECT 1")));
    List<String> first = null;
    Random random = new Random(42);
    for (int i = 0; i < 5; i++) {
      Collections.shuffle(before, random);
      Collections.shuffle(after, random);
      DiffResult r =
          SchemaDiff.compare(
              snapshot(before.toArray(SchemaObject[]::new)),
              snapshot(after.toArray(SchemaObject[]::new)));
      List<String> keys = r.changes().stream().map(c -> c.ref().toString()).toList();
      if (first == null) {
        first = keys;
      }
      assertThat(keys).isEqualTo(first);
    }
    assertThat(first)
        .containsExactly(
            "enum type public.e",
            "sequence public.s",
            "table public.zeta",
            "column public.users.a",
            "column public.users.b",
            "view public.v",
            "comment table public.users");
  }

  @Test
  void ignoredKindsAreNotCompared() {
    SchemaSnapshot before = snapshot(USERS, comment(ObjectKind.TABLE, "public.users", "a"));
    SchemaSnapshot after = snapshot(USERS, comment(ObjectKind.TABLE, "public.users", "b"));
    assertThat(SchemaDiff.compare(before, after).equal()).isFalse();
    assertThat(
            SchemaDiff.compare(
                    before, after, DiffOptions.DEFAULT.withIgnoredKinds(Set.of(ObjectKind.COMMENT)))
                .equal())
        .isTrue();
  }

  @Test
  void columnTypeChangeReportsTheAttributeWithBothValues() {
    Column before = column("users", "age", 1, "integer", true);
    Column after = column("users", "age", 1, "bigint", false, "0");
    DiffResult r = SchemaDiff.compare(snapshot(USERS, before), snapshot(USERS, after));
    assertThat(r.changes().get(0).differences())
        .containsExactly(
            new AttributeChange("type", "integer", "bigint"),
            new AttributeChange("nullable", "true", "false"),
            new AttributeChange("default", null, "0"));
  }

  @Test
  void indexOnAnotherTableWithTheSameShapeIsNotAPartner() {
    Index a = index("users", "users_id_idx", null, "id");
    Index b = index("orders", "orders_id_idx", null, "id");
    DiffResult r = SchemaDiff.compare(snapshot(a), snapshot(b), DiffOptions.LENIENT);
    assertThat(r.changes())
        .extracting(Change::type, Change::key)
        .containsExactly(
            tuple(ChangeType.ADDED, "public.orders.orders_id_idx"),
            tuple(ChangeType.REMOVED, "public.users.users_id_idx"));
  }
}
