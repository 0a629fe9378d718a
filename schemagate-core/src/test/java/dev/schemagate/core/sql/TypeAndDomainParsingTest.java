package dev.schemagate.core.sql;

import static dev.schemagate.core.sql.ParseHelpers.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.sql.ast.AlterDomain;
import dev.schemagate.core.sql.ast.AlterObject;
import dev.schemagate.core.sql.ast.AlterTypeAddValue;
import dev.schemagate.core.sql.ast.CreateDomain;
import dev.schemagate.core.sql.ast.CreateEnum;
import dev.schemagate.core.sql.ast.CreateObject;
import dev.schemagate.core.sql.ast.QualifiedName;
import dev.schemagate.core.sql.ast.RenameObject;
import dev.schemagate.core.sql.ast.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeAndDomainParsingTest {

  @Test
  void readsEnumValuesUnquoted() {
    CreateEnum e = one("create type s.mood as enum ('sad', 'it''s ok', 'happy')", CreateEnum.class);
    assertThat(e.name()).isEqualTo(new QualifiedName("s", "mood"));
    assertThat(e.values()).containsExactly("sad", "it's ok", "happy");
  }

  @Test
  void otherTypesAreCreateObjects() {
    CreateObject c = one("create type pair as (a int, b text)", CreateObject.class);
    assertThat(c.objectType()).isEqualTo("TYPE");
    assertThat(c.name()).isEqualTo(new QualifiedName(null, "pair"));
  }

  @Test
  void readsAddValueWithPlacement() {
    assertThat(
            one(
                "alter type mood add value if not exists 'meh' before 'happy'",
                AlterTypeAddValue.class))
        .isEqualTo(
            new AlterTypeAddValue(
                new QualifiedName(null, "mood"),
                "meh",
                true,
                "happy",
                null,
                1,
                "alter type mood add value if not exists 'meh' before 'happy'"));
    AlterTypeAddValue after =
        one("ALTER TYPE mood ADD VALUE 'x' AFTER 'sad'", AlterTypeAddValue.class);
    assertThat(after.ifNotExists()).isFalse();
    assertThat(after.after()).isEqualTo("sad");
    assertThat(after.before()).isNull();
    AlterTypeAddValue plain = one("ALTER TYPE mood ADD VALUE 'y'", AlterTypeAddValue.class);
    assertThat(plain.before()).isNull();
    assertThat(plain.after()).isNull();
  }

  @Test
  void alterTypeRenameAndOtherActions() {
    assertThat(one("alter type mood rename to feeling", RenameObject.class).to())
        .isEqualTo("feeling");
    assertThat(one("alter type mood rename value 'a' to 'b'", AlterObject.class).actionKeywords())
        .isEqualTo("RENAME VALUE");
  }

  @Test
  void readsDomainsAndWhetherTheyCarryConstraints() {
    CreateDomain d = one("create domain email as citext check (value ~ '@')", CreateDomain.class);
    assertThat(d.name()).isEqualTo(new QualifiedName(null, "email"));
    assertThat(d.type()).isEqualTo(new TypeName("citext", List.of(), false));
    assertThat(d.hasConstraint()).isTrue();
    assertThat(one("create domain d int not null", CreateDomain.class).hasConstraint()).isTrue();
    assertThat(one("create domain d varchar(3) default 'x'", CreateDomain.class).hasConstraint())
        .isFalse();
  }

  @Test
  void readsAlterDomain() {
    AlterDomain add =
        one("alter domain email add constraint c check (length(value) < 100)", AlterDomain.class);
    assertThat(add.addsConstraint()).isTrue();
    assertThat(add.actionKeywords()).isEqualTo("ADD CONSTRAINT");
    AlterDomain drop = one("alter domain email drop not null", AlterDomain.class);
    assertThat(drop.addsConstraint()).isFalse();
    assertThat(drop.actionKeywords()).isEqualTo("DROP NOT NULL");
    assertThat(one("alter domain email rename to mail", RenameObject.class).objectType())
        .isEqualTo("DOMAIN");
  }
}
