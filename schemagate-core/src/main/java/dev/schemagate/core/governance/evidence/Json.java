package dev.schemagate.core.governance.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON reading and writing the pack's own files share. */
final class Json {
  /** Thread-safe once configured, and never reconfigured: not mutable state. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Two-space indent and LF line ends on every platform: the default pretty printer uses the
   * platform's line separator, and the manifest's bytes must not depend on where it was written.
   */
  private static final ObjectWriter PRETTY;

  static {
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf);
    PRETTY = MAPPER.writer(printer);
  }

  private Json() {}

  /** {@code node} as pretty UTF-8 JSON ending in one newline. */
  static byte[] pretty(JsonNode node) {
    try {
      return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes.
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson's complaint in one line with its line number, for a problem or a message. */
  static String describe(JsonProcessingException e) {
    String what = e.getOriginalMessage();
    if (what == null) {
      what = e.getClass().getSimpleName();
    }
    int newline = what.indexOf('\n');
    if (newline >= 0) {
      what = what.substring(0, newline);
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      return "line " + e.getLocation().getLineNr() + ": " + what;
    }
    return what;
  }
}
