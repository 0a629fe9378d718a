package dev.schemagate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schemagate.core.config.ConnectionSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Where a command writes: text for people, JSON with {@code --json}, nothing with {@code -q}. */
final class Output {
  /** Built on first use only: Jackson's start-up cost is paid by JSON output alone. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A path as the user would type it, not Jackson's default file:// URI.
            .registerModule(
                new com.fasterxml.jackson.databind.module.SimpleModule()
                    .addSerializer(
                        java.nio.file.Path.class,
                        new com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase(
                            java.nio.file.Path.class) {
                          @Override
                          public String valueToString(Object value) {
                            return value.toString();
                          }
                        }));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean quiet;

  Output(PrintWriter out, PrintWriter err, GlobalOptions global) {
    this.out = out;
    this.err = err;
    this.json = global.json;
    this.quiet = global.quiet;
  }

  boolean json() {
    return json;
  }

  /** Text output; dropped in JSON and quiet modes. */
  void line(String text) {
    if (!json && !quiet) {
      out.println(ConnectionSpec.redact(text));
    }
  }

  /** Output that is the point of the command (e.g. SQL for --sql): printed unless JSON. */
  void essential(String text) {
    if (!json) {
      out.print(text);
      out.flush();
    }
  }

  /** The command's output in the format it was asked for (JSON included): printed unless quiet. */
  void raw(String text) {
    if (!quiet) {
      out.print(ConnectionSpec.redact(text));
      out.flush();
    }
  }

  void result(Object result) {
    if (json) {
      out.println(toJson(result));
    }
  }

  /** Stray files and the like, once per command, on standard error. */
  void warnings(List<String> warnings) {
    if (quiet || warnings == null) {
      return;
    }
    for (String w : warnings) {
      err.println("warning: " + w);
    }
  }

  PrintWriter err() {
    return err;
  }

  boolean quiet() {
    return quiet;
  }

  static String toJson(Object value) {
    try {
      return ConnectionSpec.redact(Json.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text a core renderer wrote, as a tree to nest in a command's own JSON answer. */
  static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
