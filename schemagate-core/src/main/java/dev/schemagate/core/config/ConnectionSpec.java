package dev.schemagate.core.config;

import dev.schemagate.core.SchemagateException;
import dev.schemagate.core.sql.Dialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where to connect, parsed once and validated up front.
 *
 * <p>The trap: {@link #toString()} and {@link #redacted()} must never show the password, and the
 * password must never be put into the JDBC URL string (drivers echo URLs in their exceptions). It
 * travels only in {@link #password()} and is handed to the driver as a property.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the user name, or null
 * @param password the password, or null; never print it
 * @param dialect PostgreSQL or SQLite
 */
public record ConnectionSpec(String jdbcUrl, String user, String password, Dialect dialect) {

  /**
   * The password of {@code postgres://user:password@host}. Compiled once: every line printed passes
   * here.
   */
  private static final Pattern URL_SECRET =
      Pattern.compile("(?i)(postgres(?:ql)?://[^:/@\\s]*:)[^@\\s]*@");

  private static final Pattern JDBC_SECRET =
      Pattern.compile("(?i)((?:password|pass|pwd|sslpassword)=)[^&;\\s]*");

  /**
   * Parses a JDBC URL ({@code jdbc:postgresql:}, {@code jdbc:sqlite:}) or a libpq-style URL ({@code
   * postgres://user:pass@host:port/db?sslmode=require}).
   *
   * @throws SchemagateException (bad input) naming the redacted URL and the accepted forms
   */
  public static ConnectionSpec parse(String url) {
    if (url == null || url.isBlank()) {
      throw SchemagateException.badInput(
          "no database URL given",
          "pass --url, set DATABASE_URL, or name an environment of schemagate.yaml with --env");
    }
    String u = url.trim();
    if (u.startsWith("postgres://") || u.startsWith("postgresql://")) {
      return parseLibpq(u);
    }
    if (u.startsWith("jdbc:")) {
      Dialect dialect = Dialect.ofJdbcUrl(u);
      if (dialect == null) {
        throw SchemagateException.badInput(
            "unsupported database URL " + redact(u) + ": schemagate runs on PostgreSQL and SQLite",
            "use jdbc:postgresql://host/db, postgres://user@host/db or jdbc:sqlite:file.db");
      }
      return fromJdbc(u, dialect);
    }
    throw SchemagateException.badInput(
        "cannot read database URL " + redact(u),
        "use jdbc:postgresql://host/db, postgres://user:password@host:5432/db or"
            + " jdbc:sqlite:file.db");
  }

  private static ConnectionSpec fromJdbc(String url, Dialect dialect) {
    if (dialect == Dialect.SQLITE) {
      return new ConnectionSpec(url, null, null, dialect);
    }
    // Lift user and password out of the query string so the URL we keep has no secret.
    int q = url.indexOf('?');
    if (q < 0) {
      return new ConnectionSpec(url, null, null, dialect);
    }
    String user = null;
    String password = null;
    StringBuilder rest = new StringBuilder();
    for (String pair : url.substring(q + 1).split("&")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
      if (key.equalsIgnoreCase("user")) {
        user = value;
      } else if (key.equalsIgnoreCase("password")) {
        password = value;
      } else if (!pair.isEmpty()) {
        rest.append(rest.length() == 0 ? "?" : "&").append(pair);
      }
    }
    return new ConnectionSpec(url.substring(0, q) + rest, user, password, dialect);
  }

  private static ConnectionSpec parseLibpq(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw SchemagateException.badInput(
          "cannot read database URL " + redact(url) + ": " + e.getReason(),
          "percent-encode special characters in the user and password, e.g. @ as %40");
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String db = path.startsWith("/") ? path.substring(1) : path;
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (key.equalsIgnoreCase("user")) {
          user = value;
        } else if (key.equalsIgnoreCase("password")) {
          password = value;
        } else if (!key.isEmpty()) {
          params.put(key, value);
        }
      }
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
    jdbc.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
    jdbc.append('/').append(decode(db));
    String sep = "?";
    for (Map.Entry<String, String> p : params.entrySet()) {
      jdbc.append(sep).append(p.getKey()).append('=').append(p.getValue());
      sep = "&";
    }
    return new ConnectionSpec(jdbc.toString(), user, password, Dialect.POSTGRES);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * A URL with any password replaced by {@code ***}, safe to print. Works on JDBC and libpq forms
   * and on text that merely contains a URL.
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    // Plain searches first: most text holds no URL and no password key, and the patterns are
    // case-insensitive scans that cost real time on a long report.
    String s = text.contains("://") ? URL_SECRET.matcher(text).replaceAll("$1***@") : text;
    return mayHoldSecretKey(s) ? JDBC_SECRET.matcher(s).replaceAll("$1***") : s;
  }

  private static final Pattern SQL_PASSWORD =
      Pattern.compile("(?i)(\\bPASSWORD\\s+)'(?:[^']|'')*'");

  /**
   * Text for evidence: {@link #redact} plus the literal of a SQL {@code PASSWORD '...'} clause
   * ({@code CREATE ROLE app LOGIN PASSWORD 'secret'} keeps {@code PASSWORD '***'}). Evidence is
   * meant to be handed to reviewers; a role's password in a migration must not travel with it. Not
   * used for {@code --sql} output, which must stay a script that runs as written.
   */
  public static String redactEvidence(String text) {
    String s = redact(text);
    if (s == null || !(s.contains("assword") || s.contains("ASSWORD"))) {
      return s;
    }
    return SQL_PASSWORD.matcher(s).replaceAll("$1'***'");
  }

  /** True when some '=' follows "pass" or "pwd" (any case), as every JDBC_SECRET match does. */
  private static boolean mayHoldSecretKey(String s) {
    for (int i = s.indexOf('='); i >= 0; i = s.indexOf('=', i + 1)) {
      String before = s.substring(Math.max(0, i - 8), i).toLowerCase(java.util.Locale.ROOT);
      if (before.endsWith("pass") || before.endsWith("pwd") || before.endsWith("password")) {
        return true;
      }
    }
    return false;
  }

  /** The URL and user, safe to print. */
  public String redacted() {
    // A SQLite URL is kept whole, options included, so it can still carry a password.
    String url = redact(jdbcUrl);
    return user == null ? url : url + " (user " + user + ")";
  }

  @Override
  public String toString() {
    return "ConnectionSpec[" + redacted() + (password == null ? "" : ", password ***") + "]";
  }
}
