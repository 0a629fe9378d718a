package dev.schemagate.core.governance.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.schemagate.core.governance.guard.YamlLines.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLinesTest {

  private static List<Entry> read(String text) {
    return YamlLines.read(TextFile.lines(text));
  }

  @Test
  void buildsDottedKeysFromNestingWithTheirLines() {
    List<Entry> entries =
        read("spring:\n  # note\n  flyway:\n    enabled: false # off\n  jpa.open-in-view: true\n");

    assertThat(entries)
        .filteredOn(e -> !e.value().isEmpty())
        .extracting(Entry::line, Entry::dottedKey, Entry::value)
        .containsExactly(
            tuple(4, "spring.flyway.enabled", "false"),
            tuple(5, "spring.jpa.open-in-view", "true"));
  }

  @Test
  void aListAtItsKeysIndentStaysUnderTheKey() {
    List<Entry> entries = read("command:\n- alembic\n- upgrade\nother: x\n");

    assertThat(entries)
        .extracting(Entry::line, Entry::dottedKey, Entry::value)
        .containsExactly(
            tuple(1, "command", ""),
            tuple(2, "command", "alembic"),
            tuple(3, "command", "upgrade"),
            tuple(4, "other", "x"));
  }

  @Test
  void itemsOfAListAreDistinctAndHoldTheirKeys() {
    List<Entry> entries =
        read("containers:\n  - name: a\n    args: [x]\n  - name: b\n    args: [y]\n");

    List<Entry> args = entries.stream().filter(e -> "args".equals(e.key())).toList();
    assertThat(args).hasSize(2);
    assertThat(args.get(0).parents()).isNotEqualTo(args.get(1).parents());
    assertThat(args.get(1).parents().get(1).line()).isEqualTo(4);
  }

  @Test
  void blockScalarLinesBelongToTheirKeyAndAreNotKeysThemselves() {
    List<Entry> entries =
        read("script: |\n  echo a: b\n  alembic upgrade head\nnext: 1\n- |\n  text\n");

    assertThat(entries)
        .extracting(Entry::line, Entry::key, Entry::value)
        .containsExactly(
            tuple(1, "script", "|"),
            tuple(2, null, "echo a: b"),
            tuple(3, null, "alembic upgrade head"),
            tuple(4, "next", "1"),
            tuple(6, null, "text"));
  }

  @Test
  void documentsAreCountedAndResetTheNesting() {
    List<Entry> entries = read("a:\n  b: 1\n---\nkind: Job\n");

    assertThat(entries)
        .extracting(Entry::document, Entry::dottedKey)
        .containsExactly(tuple(0, "a"), tuple(0, "a.b"), tuple(1, "kind"));
  }

  @Test
  void aHashInsideQuotesIsNotAComment() {
    assertThat(YamlLines.stripComment("cmd: \"echo #1\" # real")).isEqualTo("cmd: \"echo #1\" ");
    assertThat(YamlLines.stripComment("url: http://h/#frag")).isEqualTo("url: http://h/#frag");
  }
}
