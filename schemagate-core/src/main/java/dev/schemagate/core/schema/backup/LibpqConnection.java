package dev.schemagate.core.schema.backup;

import dev.schemagate.core.config.ConnectionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a PostgreSQL {@link ConnectionSpec} into a libpq keyword/value connection string for
 * pg_dump and pg_restore ({@code host='h' port='5432' dbname='db' user='u'}).
 *
 * <p>The trap: the password is never part of it; it goes to the child process as {@code PGPASSWORD}
 * only, because a command line is visible to every user of the machine ({@code ps}).
 */
final class LibpqConnection {
  private LibpqConnection() {}

  /** The connection string, without any password. */
  static String conninfo(ConnectionSpec spec) {
    String url = spec.jdbcUrl();
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    String db;
    String prefix = "jdbc:postgresql://";
    if (base.startsWith(prefix)) {
      String rest = base.substring(prefix.length());
      int slash = rest.indexOf('/');
      String hostList = slash < 0 ? rest : rest.substring(0, slash);
      db = slash < 0 ? "" : rest.substring(slash + 1);
      for (String hp : hostList.split(",")) {
        String host = hp;
        String port = "5432";
        int close = hp.lastIndexOf(']');
        int colon = hp.lastIndexOf(':');
        if (hp.startsWith("[")) {
          host = hp.substring(1, close);
          if (colon > close) {
            port = hp.substring(colon + 1);
          }
        } else if (colon >= 0) {
          host = hp.substring(0, colon);
          port = hp.substring(colon + 1);
        }
        hosts.add(host.isEmpty() ? "localhost" : host);
        ports.add(port);
      }
    } else {
      // jdbc:postgresql:db, the short form for localhost:5432
      db = base.substring("jdbc:postgresql:".length());
      hosts.add("localhost");
      ports.add("5432");
    }
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("host", String.join(",", hosts));
    kv.put("port", String.join(",", ports));
    if (!db.isEmpty()) {
      kv.put("dbname", java.net.URLDecoder.decode(db, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (spec.user() != null) {
      kv.put("user", spec.user());
    }
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = pair.substring(0, eq);
      String value =
          java.net.URLDecoder.decode(
              pair.substring(eq + 1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      switch (key) {
        case "sslmode", "sslcert", "sslkey", "sslrootcert", "options" -> kv.put(key, value);
          // pgjdbc's ssl=true verifies the certificate and the host name: libpq's verify-full
        case "ssl" -> {
          if (value.equalsIgnoreCase("true")) {
            kv.putIfAbsent("sslmode", "verify-full");
          }
        }
        case "connectTimeout" -> kv.put("connect_timeout", value);
        case "ApplicationName" -> kv.put("application_name", value);
        default -> {
          // pgjdbc-only settings (prepareThreshold, currentSchema...) have no libpq equivalent
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : kv.entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.getKey())
          .append("='")
          .append(e.getValue().replace("\\", "\\\\").replace("'", "\\'"))
          .append('\'');
    }
    return sb.toString();
  }
}
