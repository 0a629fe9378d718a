package dev.schemagate.core.governance.guard;

import dev.schemagate.core.governance.guard.YamlLines.Entry;
import dev.schemagate.core.governance.guard.YamlLines.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration commands on start-up paths: Dockerfile {@code ENTRYPOINT}/{@code CMD}, docker-compose
 * {@code command}/{@code entrypoint}, Procfile {@code release:}/{@code web:}, and the containers of
 * Kubernetes workloads.
 *
 * <p>Only start-up paths count. A Dockerfile {@code RUN} runs once at image build time against
 * whatever the build can reach, not against the deployed database at every start, so it is not
 * reported (nor is {@code HEALTHCHECK CMD}). A Kubernetes {@code Job} or {@code CronJob} is a
 * discrete, separately started run: its init containers are reported (they gate the job on a
 * migration), its main containers are not. READMEs and CI scripts are never read.
 */
final class CommandRules {

  /** A piece of a command and the line it sits on. */
  record Fragment(int line, String text) {}

  /** A migration command found: the line of the tool's name, and the tool and verb. */
  record Match(int line, String command) {}

  private static final Set<String> PRINTERS = Set.of("echo", "printf", "log", ":");
  private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||[;|&]");
  private static final Pattern NOISE = Pattern.compile("[\\[\\](),\"'`]|\\\\$");
  private static final Pattern DOCKER_INSTRUCTION =
      Pattern.compile("^\\s*([A-Za-z]+)(?:\\s+(.*))?$");
  private static final Pattern PROCFILE_LINE =
      Pattern.compile("^\\s*(release|web)\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Set<String> LONG_RUNNING =
      Set.of(
          "deployment",
          "statefulset",
          "daemonset",
          "replicaset",
          "replicationcontroller",
          "pod",
          "deploymentconfig");
  private static final Set<String> RUN_TO_COMPLETION = Set.of("job", "cronjob");

  private CommandRules() {}

  /**
   * Finds {@code alembic ... upgrade}, {@code flyway ... migrate} or {@code schemagate ... upgrade}
   * within one shell command (a separator such as {@code &&} or {@code ;} ends it; a command that
   * only prints, {@code echo ...}, is not run). Notes every script word on the way, so the scripts
   * a start command runs are read later.
   *
   * @param scripts where to note script names, or null when the command is itself in a script
   */
  private static Match findMigration(
      List<Fragment> fragments, TextFile file, StartScripts scripts) {
    String tool = null;
    int toolLine = 0;
    Match match = null;
    // At the first word of a command; and whether this command only prints (echo "alembic ...").
    boolean first = true;
    boolean printing = false;
    for (Fragment f : fragments) {
      String text = SEPARATORS.matcher(f.text()).replaceAll(" ; ");
      text = NOISE.matcher(text).replaceAll(" ");
      for (String token : text.strip().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (token.equals(";")) {
          tool = null;
          first = true;
          printing = false;
          continue;
        }
        if (first) {
          first = false;
          printing = PRINTERS.contains(token);
        }
        if (printing) {
          continue;
        }
        if (scripts != null && f.line() > 0) {
          scripts.noteCommand(file.path() + ":" + f.line(), token);
        }
        String base = token.substring(token.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.equals("alembic")) {
          tool = "alembic";
          toolLine = f.line();
        } else if (base.equals("flyway") || base.equals("flyway.cmd")) {
          tool = "flyway";
          toolLine = f.line();
        } else if (base.startsWith("schemagate")) {
          tool = "schemagate";
          toolLine = f.line();
        } else if (tool != null && token.equals(verb(tool))) {
          // A tool implied by the image has no line of its own: point at the verb.
          if (match == null) {
            match = new Match(toolLine > 0 ? toolLine : f.line(), tool + " " + token);
          }
          tool = null;
        }
      }
    }
    return match;
  }

  private static String verb(String tool) {
    return tool.equals("flyway") ? "migrate" : "upgrade";
  }

  static void dockerfile(TextFile file, Findings findings, StartScripts scripts) {
    List<String> lines = file.lines();
    // Per build stage: the image it starts FROM and the ENTRYPOINT it sets, which CMD feeds.
    String image = "";
    List<Fragment> entrypoint = null;
    int i = 0;
    while (i < lines.size()) {
      String first = lines.get(i);
      if (first.isBlank() || first.stripLeading().startsWith("#")) {
        i++;
        continue;
      }
      // One instruction: this line and every continuation (comment lines inside are skipped).
      List<Fragment> fragments = new ArrayList<>();
      String last = first;
      int firstLine = i + 1;
      while (last.stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
        i++;
        last = lines.get(i);
        if (!last.stripLeading().startsWith("#")) {
          fragments.add(new Fragment(i + 1, last));
        }
      }
      i++;
      Matcher m = DOCKER_INSTRUCTION.matcher(first);
      if (!m.matches()) {
        continue;
      }
      String instruction = m.group(1).toUpperCase(Locale.ROOT);
      fragments.add(0, new Fragment(firstLine, m.group(2) == null ? "" : m.group(2)));
      switch (instruction) {
        case "FROM" -> {
          image = imageOf(m.group(2));
          entrypoint = null;
        }
        case "ENTRYPOINT" -> {
          entrypoint = fragments;
          report(
              scripts,
              file,
              fragments,
              findings,
              "the image's ENTRYPOINT runs it at every container start");
        }
        case "CMD" -> {
          List<Fragment> all = new ArrayList<>(startOf(entrypoint, image));
          all.addAll(fragments);
          report(scripts, file, all, findings, "the image's CMD runs it at every container start");
        }
        default -> {}
      }
    }
  }

  /** The command a container runs before its arguments: its entrypoint, or the image's own. */
  private static List<Fragment> startOf(List<Fragment> entrypoint, String image) {
    if (entrypoint != null) {
      return entrypoint;
    }
    return isFlywayImage(image) ? List.of(new Fragment(-1, "flyway")) : List.of();
  }

  /** The image of a FROM line, without options and stage name: {@code flyway/flyway:10}. */
  private static String imageOf(String from) {
    if (from == null) {
      return "";
    }
    for (String token : from.strip().split("\\s+")) {
      if (!token.startsWith("--")) {
        return token;
      }
    }
    return "";
  }

  /** The official Flyway images ({@code flyway/flyway}, {@code redgate/flyway}) start flyway. */
  static boolean isFlywayImage(String image) {
    String repo = YamlLines.unquote(image.strip());
    int at = repo.indexOf('@');
    repo = at < 0 ? repo : repo.substring(0, at);
    int colon = repo.lastIndexOf(':');
    if (colon > repo.lastIndexOf('/')) {
      repo = repo.substring(0, colon);
    }
    return repo.substring(repo.lastIndexOf('/') + 1).equals("flyway");
  }

  static void procfile(TextFile file, Findings findings, StartScripts scripts) {
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PROCFILE_LINE.matcher(lines.get(i));
      if (m.matches()) {
        String type = m.group(1).toLowerCase(Locale.ROOT);
        report(
            scripts,
            file,
            List.of(new Fragment(i + 1, m.group(2))),
            findings,
            type.equals("release")
                ? "the release phase runs it on every deploy"
                : "the web process runs it at every start");
      }
    }
  }

  /**
   * docker-compose: each service's {@code entrypoint} and {@code command}, string or list form,
   * read together (the command is the entrypoint's arguments), with the Flyway image's own
   * entrypoint when none is set.
   */
  static void compose(TextFile file, Findings findings, StartScripts scripts) {
    List<Entry> entries = YamlLines.read(file.lines());
    Map<Segment, Container> services = containers(entries, "entrypoint", "command");
    for (Container c : services.values()) {
      if (c.start.isEmpty() && c.arguments.isEmpty()) {
        continue;
      }
      List<Fragment> all = new ArrayList<>(c.start);
      if (!c.startGiven && isFlywayImage(c.image)) {
        all.add(new Fragment(-1, "flyway"));
      }
      all.addAll(c.arguments);
      report(
          scripts,
          file,
          all,
          findings,
          "the compose service's command runs it at every container start");
    }
  }

  /** The start command, its arguments and the image of one service or container. */
  private static final class Container {
    final List<Fragment> start = new ArrayList<>();
    final List<Fragment> arguments = new ArrayList<>();
    boolean startGiven;
    String image = "";
    String where = "";
  }

  /**
   * Groups the keys {@code startKey}, {@code argumentsKey} and {@code image} by the mapping that
   * holds them (a compose service, a Kubernetes container).
   */
  private static Map<Segment, Container> containers(
      List<Entry> entries, String startKey, String argumentsKey) {
    Map<Segment, Container> out = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      List<Segment> p = e.parents();
      if (e.key() == null || p.isEmpty()) {
        continue;
      }
      boolean start = e.key().equals(startKey);
      boolean arguments = e.key().equals(argumentsKey);
      boolean image = e.key().equals("image");
      if (!start && !arguments && !image) {
        continue;
      }
      Container c = out.computeIfAbsent(p.get(p.size() - 1), s -> new Container());
      if (image) {
        c.image = e.value();
      } else if (start) {
        c.startGiven = true;
        c.start.addAll(valueOf(entries, i));
      } else {
        c.arguments.addAll(valueOf(entries, i));
      }
    }
    return out;
  }

  /** Kubernetes workloads: init containers of every kind, main containers of long-running ones. */
  static void kubernetes(TextFile file, Findings findings, StartScripts scripts) {
    List<Entry> entries = YamlLines.read(file.lines());
    Map<Integer, String> kinds = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.parents().isEmpty() && "kind".equals(e.key())) {
        kinds.put(e.document(), YamlLines.unquote(e.value()).toLowerCase(Locale.ROOT));
      }
    }
    Map<Segment, Container> all = containers(entries, "command", "args");
    for (Entry e : entries) {
      List<Segment> p = e.parents();
      if (e.key() == null || p.size() < 2 || !p.get(p.size() - 1).isItem()) {
        continue;
      }
      Container c = all.get(p.get(p.size() - 1));
      if (c == null || !c.where.isEmpty()) {
        continue;
      }
      String list = p.get(p.size() - 2).name();
      String kind = kinds.getOrDefault(e.document(), "");
      if (list.equals("initContainers") && isWorkload(kind)) {
        c.where = "an init container of the " + kind;
      } else if (list.equals("containers") && LONG_RUNNING.contains(kind)) {
        c.where = "a container of the " + kind;
      }
    }
    for (Container c : all.values()) {
      if (c.where.isEmpty()) {
        continue;
      }
      List<Fragment> command = new ArrayList<>(c.start);
      if (!c.startGiven && isFlywayImage(c.image)) {
        command.add(new Fragment(-1, "flyway"));
      }
      command.addAll(c.arguments);
      report(scripts, file, command, findings, c.where + " runs it every time a pod starts");
    }
  }

  static boolean isWorkload(String kind) {
    return LONG_RUNNING.contains(kind) || RUN_TO_COMPLETION.contains(kind);
  }

  /** Whether a YAML file declares a Kubernetes workload in any of its documents. */
  static boolean looksLikeKubernetes(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("kind:")) {
        String kind = YamlLines.unquote(YamlLines.stripComment(line.substring(5)).strip());
        if (isWorkload(kind.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A shell script that a start command runs: each command line (continuations joined, comments
   * left out) that runs a migration is a finding.
   */
  static void script(TextFile file, Findings findings, List<String> startedFrom) {
    List<String> lines = file.lines();
    int i = 0;
    while (i < lines.size()) {
      List<Fragment> command = new ArrayList<>();
      String line;
      do {
        line = lines.get(i);
        String code = YamlLines.stripComment(line.strip());
        if (!code.isBlank()) {
          command.add(new Fragment(i + 1, code));
        }
        i++;
      } while (line.stripTrailing().endsWith("\\") && i < lines.size());
      if (!command.isEmpty()) {
        report(
            null,
            file,
            command,
            findings,
            "a start command runs this script ("
                + String.join(", ", startedFrom)
                + "), so it runs at every start");
      }
    }
  }

  /**
   * The value of the key at {@code index}: its own text and every scalar below it (list items,
   * block scalar lines). What lies below a key follows it without a gap, so the walk stops at the
   * first entry outside it: linear, even in a manifest with thousands of containers.
   */
  private static List<Fragment> valueOf(List<Entry> entries, int index) {
    Entry key = entries.get(index);
    List<Fragment> out = new ArrayList<>();
    if (!key.value().isEmpty() && !key.value().startsWith("|") && !key.value().startsWith(">")) {
      out.add(new Fragment(key.line(), key.value()));
    }
    Segment self = new Segment(key.key(), key.line());
    for (int i = index + 1; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (!e.parents().contains(self)) {
        break;
      }
      if (e.key() == null) {
        out.add(new Fragment(e.line(), e.value()));
      }
    }
    return out;
  }

  private static void report(
      StartScripts scripts,
      TextFile file,
      List<Fragment> fragments,
      Findings findings,
      String path) {
    Match m = findMigration(fragments, file, scripts);
    if (m == null) {
      return;
    }
    String found;
    if (fragments.stream().mapToInt(Fragment::line).filter(l -> l > 0).distinct().count() <= 1) {
      found = file.lines().get(m.line() - 1);
    } else {
      StringBuilder b = new StringBuilder();
      for (Fragment f : fragments) {
        // Brackets, commas and quotes of list forms say nothing; show the command as typed.
        b.append(' ').append(NOISE.matcher(f.text()).replaceAll(" "));
      }
      found = b.toString();
    }
    String why =
        "'" + m.command() + "': " + path + "; " + GuardTrigger.CONTAINER_START_MIGRATION.why();
    findings.add(
        file,
        m.line(),
        GuardTrigger.CONTAINER_START_MIGRATION,
        found,
        why,
        GuardTrigger.CONTAINER_START_MIGRATION.fix());
  }
}
