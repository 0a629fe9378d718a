package dev.schemagate.core.governance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.schemagate.core.ExitCode;
import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.governance.approval.Keys;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeopleFileTest {
  private final Packs packs = new Packs();

  @Test
  void rendersNameRoleAndKeySortedAndReadsTheKeysBack() {
    String text = packs.people();

    assertThat(text.indexOf("\"alice\"")).isLessThan(text.indexOf("\"wendy\""));
    assertThat(text)
        .contains("\"role\" : \"manager\"", "\"role\" : \"worker\"")
        .doesNotContain("\r");
    Map<String, PublicKey> keys = PeopleFile.parse(text);
    assertThat(keys).containsOnlyKeys("alice");
    assertThat(Keys.fingerprint(keys.get("alice")))
        .isEqualTo(Keys.fingerprint(packs.alice.getPublic()));
  }

  @Test
  void badJsonNamesTheFileAndLine() {
    SchemagateException e =
        catchThrowableOfType(
            () -> PeopleFile.parse("{\n  \"people\": [\n  {\"name\": }\n]}"),
            SchemagateException.class);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).startsWith("people.json: line 3");
  }

  @Test
  void aKeyThatIsNotAnInlineEd25519KeyNamesThePerson() {
    SchemagateException e =
        catchThrowableOfType(
            () ->
                PeopleFile.parse(
                    "{\"people\":[{\"name\":\"alice\",\"role\":\"manager\","
                        + "\"public_key\":\"ssh-ed25519 AAAA\"}]}"),
            SchemagateException.class);

    assertThat(e.getMessage()).contains("people.json", "people[0]", "alice");
  }
}
