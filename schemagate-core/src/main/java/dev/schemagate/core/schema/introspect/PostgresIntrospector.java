package dev.schemagate.core.schema.introspect;

import dev.schemagate.core.schema.ArrayCasts;
import dev.schemagate.core.schema.Column;
import dev.schemagate.core.schema.Comment;
import dev.schemagate.core.schema.CompositeType;
import dev.schemagate.core.schema.Constraint;
import dev.schemagate.core.schema.ConstraintType;
import dev.schemagate.core.schema.Domain;
import dev.schemagate.core.schema.EnumType;
import dev.schemagate.core.schema.Extension;
import dev.schemagate.core.schema.Index;
import dev.schemagate.core.schema.ObjectKind;
import dev.schemagate.core.schema.Routine;
import dev.schemagate.core.schema.Schema;
import dev.schemagate.core.schema.SchemaObject;
import dev.schemagate.core.schema.SchemaSnapshot;
import dev.schemagate.core.schema.Sequence;
import dev.schemagate.core.schema.Table;
import dev.schemagate.core.schema.Trigger;
import dev.schemagate.core.schema.View;
import dev.schemagate.core.sql.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.postgresql.PGConnection;

/**
 * Reads a PostgreSQL (13 to 17) database from its system catalogs, one set-based query per object
 * kind over the whole database, so the cost does not grow with a query per table. Text comes from
 * the server's own printers ({@code format_type}, {@code pg_get_expr}, {@code
 * pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef}, {@code
 * pg_get_functiondef}, {@code pg_get_triggerdef}), so it is canonical: two databases built from
 * different but equivalent SQL print the same. Names in that text are always schema-qualified
 * ({@code REFERENCES public.users(id)}, {@code nextval('public.users_id_seq'::regclass)}): the
 * reader runs with an empty {@code search_path}, as pg_dump does, and restores the caller's after.
 *
 * <p>Left out on purpose, because they belong to something else: objects owned by an extension
 * (they come with the {@link Extension}); indexes that implement a constraint; sequences that
 * implement an identity column; internal triggers (foreign keys'); constraints, indexes and
 * triggers a partition inherits from its partitioned parent (they are recreated with the parent's);
 * the {@code plpgsql} extension, which every database has.
 *
 * <p>Not compared and not reported, because they differ between any two databases by design:
 * owners, tablespaces, column storage and statistics targets, sequence current values, whether a
 * materialized view is populated, comments on the database itself.
 *
 * <p>Everything else the model does not cover goes to {@link SchemaSnapshot#skipped()} as one
 * readable line: row-level security and its policies, rules, foreign tables and servers, aggregates
 * and window functions, range and base types, table inheritance, typed tables, replica identity,
 * statistics objects, event triggers, publications, subscriptions, collations, operators, operator
 * classes and families, text search objects, conversions, casts, default privileges, grants,
 * identity columns with non-default sequence options, and comments on any of these.
 */
final class PostgresIntrospector {
  /** The first OID a user object can have; below it lives what initdb created. */
  private static final long FIRST_NORMAL_OID = 16384;

  private static final String NOT_EXTENSION_MEMBER =
      " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass"
          + " AND e.objid = %s AND e.deptype = 'e')";

  /** The relations in scope: included schemas, excluded names removed, extension members out. */
  private static final String REL =
      "WITH rel AS (SELECT c.oid, n.nspname AS sch, c.relname AS name, c.relkind"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND c.relname <> ALL(:excluded) AND"
          + member("pg_class", "c.oid")
          + ") ";

  private static final String SCHEMAS =
      "SELECT n.oid, n.nspname, n.nspacl IS NOT NULL AND n.nspname <> 'public'"
          + " FROM pg_namespace n"
          + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND"
          + member("pg_namespace", "n.oid")
          + " ORDER BY n.nspname";

  private static final String TABLES =
      REL
          + "SELECT r.oid, r.sch, r.name, r.relkind, c.relpersistence,"
          + " CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,"
          + " CASE WHEN c.relispartition THEN (SELECT pn.nspname || '.' || pc.relname"
          + "   FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent"
          + "   JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = r.oid)"
          + "   || ' ' || pg_get_expr(c.relpartbound, r.oid) END,"
          + " array_to_string(c.reloptions, ', '),"
          + " c.relrowsecurity, c.relforcerowsecurity, c.relreplident, c.reloftype <> 0,"
          + " c.relacl IS NOT NULL"
          + " FROM rel r JOIN pg_class c ON c.oid = r.oid WHERE r.relkind IN ('r', 'p', 'f')";

  private static final String COLUMNS =
      REL
          + "SELECT a.attrelid, a.attnum, r.sch, r.name, a.attname,"
          + " row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum),"
          + " format_type(a.atttypid, a.atttypmod), a.attnotnull,"
          + " CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,"
          + " a.attidentity,"
          + " CASE WHEN a.attgenerated = 's' THEN pg_get_expr(ad.adbin, ad.adrelid) END,"
          + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN"
          + "   CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)"
          + "   ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END END,"
          + " a.attacl IS NOT NULL"
          + " FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0"
          + "   AND NOT a.attisdropped"
          + " JOIN pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
          + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
          + " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
          + " WHERE r.relkind IN ('r', 'p')";

  private static final String CONSTRAINTS =
      REL
          + "SELECT k.oid, r.sch, r.name, k.conname, k.contype,"
          + " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)"
          + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),"
          + " pg_get_constraintdef(k.oid),"
          + " CASE WHEN k.contype = 'f' THEN (SELECT fn.nspname || '.' || fc.relname"
          + "   FROM pg_class fc JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
          + "   WHERE fc.oid = k.confrelid) END,"
          + " k.confupdtype, k.confdeltype, k.condeferrable, k.condeferred, k.convalidated"
          + " FROM rel r JOIN pg_constraint k ON k.conrelid = r.oid"
          + " WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0"
          + " AND r.relkind IN ('r', 'p')";

  private static final String INDEXES =
      REL
          + "SELECT ic.oid, r.sch, r.name, ic.relname, am.amname, i.indisunique, i.indisvalid,"
          + " pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),"
          + " ARRAY(SELECT pg_get_indexdef(i.indexrelid, u.o::int, false)"
          + "   || CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog'"
          + "     THEN ' ' || quote_ident(oc.opcname)"
          + "     ELSE ' ' || quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END"
          + "   || CASE WHEN (u.opt & 1) = 1 THEN ' DESC' ELSE '' END"
          + "   || CASE WHEN (u.opt & 3) = 1 THEN ' NULLS LAST'"
          + "     WHEN (u.opt & 3) = 2 THEN ' NULLS FIRST' ELSE '' END"
          + "   FROM unnest(i.indclass::oid[], i.indoption::int2[]) WITH ORDINALITY u(cls, opt, o)"
          + "   JOIN pg_opclass oc ON oc.oid = u.cls"
          + "   JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY u.o),"
          + " ARRAY(SELECT pg_get_indexdef(i.indexrelid, g.n, false)"
          + "   FROM generate_series(i.indnkeyatts + 1, i.indnatts) g(n) ORDER BY g.n)"
          + " FROM rel r JOIN pg_index i ON i.indrelid = r.oid"
          + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
          + " WHERE r.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
          + "   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))";

  private static final String SEQUENCES =
      REL
          + "SELECT r.oid, r.sch, r.name, format_type(s.seqtypid, NULL), s.seqstart,"
          + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
          + " o.deptype, o.owner_table, o.owner_key, c.relacl IS NOT NULL"
          + " FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid JOIN pg_class c ON c.oid = r.oid"
          + " LEFT JOIN LATERAL (SELECT d.deptype, oc.relname AS owner_table,"
          + "   ocn.nspname || '.' || oc.relname || '.' || a.attname AS owner_key"
          + "   FROM pg_depend d JOIN pg_class oc ON oc.oid = d.refobjid"
          + "   JOIN pg_namespace ocn ON ocn.oid = oc.relnamespace"
          + "   JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
          + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid"
          + "   AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
          + "   AND d.refobjsubid > 0 LIMIT 1) o ON true";

  private static final String VIEWS =
      REL
          + "SELECT r.oid, r.sch, r.name, r.relkind = 'm', pg_get_viewdef(r.oid),"
          + " c.relacl IS NOT NULL"
          + " FROM rel r JOIN pg_class c ON c.oid = r.oid WHERE r.relkind IN ('v', 'm')";

  private static final String VIEW_DEPENDENCIES =
      REL
          + "SELECT r.oid, rn.nspname || '.' || rc.relname"
          + " FROM rel r JOIN pg_rewrite w ON w.ev_class = r.oid"
          + " JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid"
          + "   AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.oid"
          + " JOIN pg_class rc ON rc.oid = d.refobjid"
          + " JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
          + " WHERE r.relkind IN ('v', 'm') AND rn.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " UNION "
          + "SELECT r.oid, pn.nspname || '.' || p.proname || '('"
          + "   || pg_get_function_identity_arguments(p.oid) || ')'"
          + " FROM rel r JOIN pg_rewrite w ON w.ev_class = r.oid"
          + " JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid"
          + "   AND d.refclassid = 'pg_proc'::regclass"
          + " JOIN pg_proc p ON p.oid = d.refobjid"
          + " JOIN pg_namespace pn ON pn.oid = p.pronamespace"
          + " WHERE r.relkind IN ('v', 'm') AND pn.nspname NOT IN ('pg_catalog', 'information_schema')";

  private static final String ROUTINES =
      "SELECT p.oid, n.nspname, p.proname, p.prokind, pg_get_function_identity_arguments(p.oid),"
          + " CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END, l.lanname,"
          + " CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END,"
          + " p.proacl IS NOT NULL"
          + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
          + " JOIN pg_language l ON l.oid = p.prolang"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_proc", "p.oid");

  private static final String TRIGGERS =
      REL
          + "SELECT t.oid, r.sch, r.name, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled"
          + " FROM rel r JOIN pg_trigger t ON t.tgrelid = r.oid"
          + " WHERE NOT t.tgisinternal AND t.tgparentid = 0";

  private static final String TYPES =
      "SELECT t.oid, n.nspname, t.typname, t.typtype,"
          + " CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_enum e"
          + "   WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END,"
          + " CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,"
          + " t.typnotnull, t.typdefault,"
          + " CASE WHEN t.typtype = 'd' AND t.typcollation <> 0"
          + "   AND t.typcollation <> bt.typcollation THEN"
          + "   CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)"
          + "   ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END END,"
          + " CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT k.conname || ': '"
          + "   || pg_get_constraintdef(k.oid) FROM pg_constraint k"
          + "   WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) END,"
          + " CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT a.attname || ' '"
          + "   || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
          + "   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped"
          + "   ORDER BY a.attnum) END,"
          + " t.typrelid, t.typacl IS NOT NULL"
          + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
          + " LEFT JOIN pg_type bt ON bt.oid = t.typbasetype"
          + " LEFT JOIN pg_collation co ON co.oid = t.typcollation"
          + " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND t.typisdefined"
          + " AND t.typtype IN ('e', 'd', 'c', 'r', 'b')"
          + " AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class tc"
          + "   WHERE tc.oid = t.typrelid AND tc.relkind = 'c'))"
          + " AND NOT (t.typtype = 'b' AND EXISTS (SELECT 1 FROM pg_type x WHERE x.typarray = t.oid))"
          + " AND"
          + member("pg_type", "t.oid");

  private static final String EXTENSIONS =
      "SELECT e.oid, e.extname, n.nspname, e.extversion"
          + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
          + " WHERE e.extname <> 'plpgsql'";

  private static final String COMMENTS =
      "SELECT d.classoid::regclass::text, d.objoid, d.objsubid, d.description,"
          + " pg_describe_object(d.classoid, d.objoid, d.objsubid),"
          + " (pg_identify_object(d.classoid, d.objoid, d.objsubid)).schema,"
          + " CASE WHEN d.classoid = 'pg_class'::regclass THEN (SELECT tc.relname FROM pg_class c"
          + "     LEFT JOIN pg_index i ON i.indexrelid = c.oid"
          + "     JOIN pg_class tc ON tc.oid = coalesce(i.indrelid, c.oid) WHERE c.oid = d.objoid)"
          + "   WHEN d.classoid = 'pg_constraint'::regclass THEN (SELECT tc.relname"
          + "     FROM pg_constraint k JOIN pg_class tc ON tc.oid = k.conrelid"
          + "     WHERE k.oid = d.objoid)"
          + "   WHEN d.classoid = 'pg_trigger'::regclass THEN (SELECT tc.relname"
          + "     FROM pg_trigger t JOIN pg_class tc ON tc.oid = t.tgrelid"
          + "     WHERE t.oid = d.objoid) END"
          + " FROM pg_description d WHERE d.objoid >= "
          + FIRST_NORMAL_OID
          + " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid"
          + "   AND e.objid = d.objoid AND e.deptype = 'e')";

  /** What the model does not cover, one readable line per row. */
  private static final String UNMODELLED =
      REL
          + "SELECT count(*) || ' row-level security ' || CASE WHEN count(*) = 1 THEN 'policy'"
          + "   ELSE 'policies' END || ' on ' || r.sch || '.' || r.name || ' ('"
          + "   || string_agg(p.polname, ', ' ORDER BY p.polname) || ')'"
          + " FROM rel r JOIN pg_policy p ON p.polrelid = r.oid GROUP BY r.sch, r.name"
          + " UNION ALL SELECT 'rule ' || w.rulename || ' on ' || r.sch || '.' || r.name"
          + " FROM rel r JOIN pg_rewrite w ON w.ev_class = r.oid WHERE w.rulename <> '_RETURN'"
          + " UNION ALL SELECT 'table inheritance: ' || r.sch || '.' || r.name || ' inherits '"
          + "   || pn.nspname || '.' || pc.relname"
          + " FROM rel r JOIN pg_class c ON c.oid = r.oid"
          + " JOIN pg_inherits i ON i.inhrelid = r.oid JOIN pg_class pc ON pc.oid = i.inhparent"
          + " JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
          + " WHERE NOT c.relispartition AND r.relkind IN ('r', 'p')"
          + " UNION ALL SELECT 'statistics object ' || n.nspname || '.' || s.stxname"
          + " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_statistic_ext", "s.oid")
          + " UNION ALL SELECT 'event trigger ' || g.evtname FROM pg_event_trigger g WHERE"
          + member("pg_event_trigger", "g.oid")
          + " UNION ALL SELECT 'publication ' || p.pubname FROM pg_publication p"
          + " UNION ALL SELECT 'foreign server ' || f.srvname FROM pg_foreign_server f WHERE"
          + member("pg_foreign_server", "f.oid")
          + " UNION ALL SELECT 'foreign-data wrapper ' || w.fdwname FROM pg_foreign_data_wrapper w"
          + " WHERE"
          + member("pg_foreign_data_wrapper", "w.oid")
          + " UNION ALL SELECT pg_describe_object('pg_collation'::regclass, o.oid, 0)"
          + " FROM pg_collation o JOIN pg_namespace n ON n.oid = o.collnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_collation", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_operator'::regclass, o.oid, 0)"
          + " FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_operator", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_opclass'::regclass, o.oid, 0)"
          + " FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_opclass", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_opfamily'::regclass, o.oid, 0)"
          + " FROM pg_opfamily o JOIN pg_namespace n ON n.oid = o.opfnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_opfamily", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_ts_config'::regclass, o.oid, 0)"
          + " FROM pg_ts_config o JOIN pg_namespace n ON n.oid = o.cfgnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_ts_config", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_ts_dict'::regclass, o.oid, 0)"
          + " FROM pg_ts_dict o JOIN pg_namespace n ON n.oid = o.dictnamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_ts_dict", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_conversion'::regclass, o.oid, 0)"
          + " FROM pg_conversion o JOIN pg_namespace n ON n.oid = o.connamespace"
          + " WHERE n.nspname = ANY(:schemas) AND"
          + member("pg_conversion", "o.oid")
          + " UNION ALL SELECT pg_describe_object('pg_cast'::regclass, o.oid, 0)"
          + " FROM pg_cast o WHERE o.oid >= "
          + FIRST_NORMAL_OID
          + " AND"
          + member("pg_cast", "o.oid")
          + " UNION ALL SELECT 'default privileges (ALTER DEFAULT PRIVILEGES) of role '"
          + "   || pg_get_userbyid(a.defaclrole) FROM pg_default_acl a"
          + " ORDER BY 1";

  /**
   * Subscriptions are read apart: the catalog hides some columns from non-superusers, and the
   * database filter needs the current database.
   */
  private static final String SUBSCRIPTIONS =
      "SELECT 'subscription ' || s.subname FROM pg_subscription s"
          + " WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())";

  private final Connection connection;
  private final IntrospectOptions options;
  private final List<SchemaObject> objects = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final TreeSet<String> granted = new TreeSet<>();
  private List<String> schemas = List.of();

  // Where each modelled object came from, so comments can find their target by OID.
  private final Map<Long, String> schemaKeys = new HashMap<>();
  private final Map<Long, Target> relationTargets = new HashMap<>();
  private final Map<String, String> columnKeys = new HashMap<>();
  private final Map<Long, String> constraintKeys = new HashMap<>();
  private final Map<Long, String> routineKeys = new HashMap<>();
  private final Map<Long, Target> typeTargets = new HashMap<>();
  private final Map<Long, String> triggerKeys = new HashMap<>();
  private final Map<Long, String> extensionKeys = new HashMap<>();

  private record Target(ObjectKind kind, String key) {}

  PostgresIntrospector(Connection connection, IntrospectOptions options) {
    this.connection = connection;
    this.options = options;
  }

  private static String member(String catalog, String oid) {
    return String.format(NOT_EXTENSION_MEMBER, catalog, oid);
  }

  SchemaSnapshot read() throws SQLException {
    // The printers qualify a name only when the search path does not find it; an empty path makes
    // every name qualified, so the text does not depend on the session and DDL made from it runs
    // under any search path (pg_dump does the same). The caller's setting is put back.
    String searchPath = single("SELECT current_setting('search_path')");
    single("SELECT set_config('search_path', '', false)");
    // A drill reads the same database hundreds of times on one connection: the catalog queries are
    // prepared on the server at once and planned once (generic plans), which halves a read of a
    // small schema. Both settings are put back.
    PGConnection pg =
        connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
    int threshold = pg == null ? 0 : pg.getPrepareThreshold();
    if (pg != null) {
      pg.setPrepareThreshold(1);
    }
    String planMode = single("SELECT current_setting('plan_cache_mode')");
    single("SELECT set_config('plan_cache_mode', 'force_generic_plan', false)");
    SQLException failure = null;
    try {
      return readAll();
    } catch (SQLException e) {
      failure = e;
      throw e;
    } finally {
      if (pg != null) {
        pg.setPrepareThreshold(threshold);
      }
      try (PreparedStatement ps =
              connection.prepareStatement("SELECT set_config('search_path', ?, false)");
          PreparedStatement mode =
              connection.prepareStatement("SELECT set_config('plan_cache_mode', ?, false)")) {
        ps.setString(1, searchPath);
        ps.executeQuery().close();
        mode.setString(1, planMode);
        mode.executeQuery().close();
      } catch (SQLException e) {
        // In a transaction the failed query aborted, the reset fails too; the first error counts.
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
  }

  private String single(String sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private SchemaSnapshot readAll() throws SQLException {
    String version = connection.getMetaData().getDatabaseProductVersion();
    readSchemas();
    readTables();
    readColumns();
    readConstraints();
    readIndexes();
    readSequences();
    readViews();
    readRoutines();
    readTriggers();
    readTypes();
    readExtensions();
    readComments();
    readUnmodelled();
    if (!granted.isEmpty()) {
      skipped.add(
          "grants (GRANT/REVOKE) on "
              + granted.size()
              + (granted.size() == 1 ? " object are" : " objects are")
              + " not compared: "
              + abbreviate(granted));
    }
    return new SchemaSnapshot(Dialect.POSTGRES, version, objects, skipped);
  }

  private void readSchemas() throws SQLException {
    List<String> found = new ArrayList<>();
    query(
        SCHEMAS,
        rs -> {
          String name = rs.getString(2);
          if (options.schemas().isEmpty() || options.schemas().contains(name)) {
            found.add(name);
            schemaKeys.put(rs.getLong(1), name);
            objects.add(new Schema(name));
            if (rs.getBoolean(3)) {
              granted.add("schema " + name);
            }
          }
        });
    schemas = found;
  }

  private void readTables() throws SQLException {
    query(
        TABLES,
        rs -> {
          String schema = rs.getString(2);
          String name = rs.getString(3);
          String key = schema + "." + name;
          String relkind = rs.getString(4);
          if ("f".equals(relkind)) {
            skipped.add("foreign table " + key);
            return;
          }
          relationTargets.put(rs.getLong(1), new Target(ObjectKind.TABLE, key));
          String persistence = "u".equals(rs.getString(5)) ? "unlogged" : "permanent";
          objects.add(
              new Table(schema, name, persistence, rs.getString(6), rs.getString(7), blank(rs, 8)));
          if (rs.getBoolean(9)) {
            skipped.add(
                "row-level security is enabled"
                    + (rs.getBoolean(10) ? " and forced" : "")
                    + " on table "
                    + key);
          }
          String replica = rs.getString(11);
          if (!"d".equals(replica)) {
            skipped.add("replica identity " + replicaIdentity(replica) + " on table " + key);
          }
          if (rs.getBoolean(12)) {
            skipped.add("table " + key + " is a typed table (CREATE TABLE ... OF type)");
          }
          if (rs.getBoolean(13)) {
            granted.add("table " + key);
          }
        });
  }

  private static String replicaIdentity(String code) {
    switch (code) {
      case "f":
        return "FULL";
      case "n":
        return "NOTHING";
      case "i":
        return "USING INDEX";
      default:
        return code;
    }
  }

  private void readColumns() throws SQLException {
    query(
        COLUMNS,
        rs -> {
          String schema = rs.getString(3);
          String table = rs.getString(4);
          String name = rs.getString(5);
          String identity = rs.getString(10);
          Column c =
              new Column(
                  schema,
                  table,
                  name,
                  rs.getInt(6),
                  rs.getString(7),
                  !rs.getBoolean(8),
                  ArrayCasts.canonical(rs.getString(9)),
                  "a".equals(identity) ? "always" : "d".equals(identity) ? "by default" : null,
                  ArrayCasts.canonical(rs.getString(11)),
                  rs.getString(12));
          objects.add(c);
          columnKeys.put(rs.getLong(1) + ":" + rs.getInt(2), c.key());
          if (rs.getBoolean(13)) {
            granted.add("column " + c.key());
          }
        });
  }

  private void readConstraints() throws SQLException {
    query(
        CONSTRAINTS,
        rs -> {
          ConstraintType type = constraintType(rs.getString(5));
          boolean foreign = type == ConstraintType.FOREIGN_KEY;
          Constraint k =
              new Constraint(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  type,
                  strings(rs.getArray(6)),
                  ArrayCasts.canonical(rs.getString(7)),
                  rs.getString(8),
                  foreign ? action(rs.getString(9)) : null,
                  foreign ? action(rs.getString(10)) : null,
                  rs.getBoolean(11),
                  rs.getBoolean(12),
                  rs.getBoolean(13));
          objects.add(k);
          constraintKeys.put(rs.getLong(1), k.key());
        });
  }

  private static ConstraintType constraintType(String code) {
    switch (code) {
      case "p":
        return ConstraintType.PRIMARY_KEY;
      case "u":
        return ConstraintType.UNIQUE;
      case "f":
        return ConstraintType.FOREIGN_KEY;
      case "c":
        return ConstraintType.CHECK;
      case "x":
        return ConstraintType.EXCLUSION;
      default:
        throw new IllegalStateException("constraint type " + code + " was not asked for");
    }
  }

  private static String action(String code) {
    switch (code) {
      case "a":
        return "NO ACTION";
      case "r":
        return "RESTRICT";
      case "c":
        return "CASCADE";
      case "n":
        return "SET NULL";
      case "d":
        return "SET DEFAULT";
      default:
        return code;
    }
  }

  private void readIndexes() throws SQLException {
    query(
        INDEXES,
        rs -> {
          Index i =
              new Index(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6),
                  strings(rs.getArray(10)),
                  strings(rs.getArray(11)),
                  ArrayCasts.canonical(rs.getString(9)),
                  rs.getBoolean(7),
                  ArrayCasts.canonical(rs.getString(8)));
          objects.add(i);
          relationTargets.put(rs.getLong(1), new Target(ObjectKind.INDEX, i.key()));
        });
  }

  private void readSequences() throws SQLException {
    query(
        SEQUENCES,
        rs -> {
          String schema = rs.getString(2);
          String name = rs.getString(3);
          String type = rs.getString(4);
          long start = rs.getLong(5);
          long increment = rs.getLong(6);
          long min = rs.getLong(7);
          long max = rs.getLong(8);
          long cache = rs.getLong(9);
          boolean cycle = rs.getBoolean(10);
          String deptype = rs.getString(11);
          String ownerTable = rs.getString(12);
          String ownerKey = rs.getString(13);
          if (ownerTable != null && options.excludedTables().contains(ownerTable)) {
            return;
          }
          if ("i".equals(deptype)) {
            // An identity column's sequence: the Column says "identity"; its options are not
            // in the model, so say so when they are not what a plain identity column gets.
            if (!(start == 1
                && increment == 1
                && min == 1
                && max == typeMax(type)
                && cache == 1
                && !cycle)) {
              skipped.add(
                  "sequence options of identity column "
                      + ownerKey
                      + " ("
                      + sequenceText(start, increment, min, max, cache, cycle)
                      + ")");
            }
            return;
          }
          Sequence s =
              new Sequence(schema, name, type, start, increment, min, max, cache, cycle, ownerKey);
          objects.add(s);
          relationTargets.put(rs.getLong(1), new Target(ObjectKind.SEQUENCE, s.key()));
          if (rs.getBoolean(14)) {
            granted.add("sequence " + s.key());
          }
        });
  }

  private static long typeMax(String type) {
    switch (type) {
      case "smallint":
        return Short.MAX_VALUE;
      case "integer":
        return Integer.MAX_VALUE;
      default:
        return Long.MAX_VALUE;
    }
  }

  private static String sequenceText(
      long start, long increment, long min, long max, long cache, boolean cycle) {
    return "START "
        + start
        + " INCREMENT "
        + increment
        + " MINVALUE "
        + min
        + " MAXVALUE "
        + max
        + " CACHE "
        + cache
        + (cycle ? " CYCLE" : " NO CYCLE");
  }

  private void readViews() throws SQLException {
    Map<Long, TreeSet<String>> dependencies = new HashMap<>();
    query(
        VIEW_DEPENDENCIES,
        rs ->
            dependencies.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2)));
    query(
        VIEWS,
        rs -> {
          long oid = rs.getLong(1);
          View v =
              new View(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  rs.getString(5),
                  new ArrayList<>(dependencies.getOrDefault(oid, new TreeSet<>())));
          objects.add(v);
          relationTargets.put(oid, new Target(ObjectKind.VIEW, v.key()));
          if (rs.getBoolean(6)) {
            granted.add((v.materialized() ? "materialized view " : "view ") + v.key());
          }
        });
  }

  private void readRoutines() throws SQLException {
    Map<String, List<String>> unmodelled = new TreeMap<>();
    query(
        ROUTINES,
        rs -> {
          String schema = rs.getString(2);
          String name = rs.getString(3);
          String kind = rs.getString(4);
          String arguments = rs.getString(5);
          String signature = schema + "." + name + "(" + arguments + ")";
          if ("a".equals(kind) || "w".equals(kind)) {
            unmodelled
                .computeIfAbsent(
                    "a".equals(kind) ? "aggregate function" : "window function",
                    k -> new ArrayList<>())
                .add(signature);
            return;
          }
          Routine r =
              new Routine(
                  schema,
                  name,
                  "p".equals(kind) ? "procedure" : "function",
                  arguments,
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8));
          objects.add(r);
          routineKeys.put(rs.getLong(1), r.key());
          if (rs.getBoolean(9)) {
            granted.add(r.routineKind() + " " + r.key());
          }
        });
    unmodelled.forEach((what, list) -> list.forEach(s -> skipped.add(what + " " + s)));
  }

  private void readTriggers() throws SQLException {
    query(
        TRIGGERS,
        rs -> {
          Trigger t =
              new Trigger(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6));
          objects.add(t);
          triggerKeys.put(rs.getLong(1), t.key());
        });
  }

  private void readTypes() throws SQLException {
    query(
        TYPES,
        rs -> {
          long oid = rs.getLong(1);
          String schema = rs.getString(2);
          String name = rs.getString(3);
          String key = schema + "." + name;
          String typtype = rs.getString(4);
          SchemaObject o;
          switch (typtype) {
            case "e":
              o = new EnumType(schema, name, strings(rs.getArray(5)));
              break;
            case "d":
              o =
                  new Domain(
                      schema,
                      name,
                      rs.getString(6),
                      rs.getBoolean(7),
                      rs.getString(8),
                      rs.getString(9),
                      strings(rs.getArray(10)));
              break;
            case "c":
              o = new CompositeType(schema, name, strings(rs.getArray(11)));
              relationTargets.put(rs.getLong(12), new Target(ObjectKind.COMPOSITE_TYPE, key));
              break;
            case "r":
              skipped.add("range type " + key);
              return;
            default:
              skipped.add("base type " + key + " (CREATE TYPE with input and output functions)");
              return;
          }
          objects.add(o);
          typeTargets.put(oid, new Target(o.kind(), key));
          if (rs.getBoolean(13)) {
            granted.add("type " + key);
          }
        });
  }

  private void readExtensions() throws SQLException {
    query(
        EXTENSIONS,
        rs -> {
          Extension e = new Extension(rs.getString(2), rs.getString(3), rs.getString(4));
          objects.add(e);
          extensionKeys.put(rs.getLong(1), e.key());
        });
  }

  private void readComments() throws SQLException {
    query(
        COMMENTS,
        rs -> {
          String catalog = rs.getString(1);
          long oid = rs.getLong(2);
          int sub = rs.getInt(3);
          String text = rs.getString(4);
          Target target = commentTarget(catalog, oid, sub);
          if (target != null) {
            objects.add(new Comment(target.kind(), target.key(), text));
            return;
          }
          String schema = rs.getString(6);
          String ownerTable = rs.getString(7);
          boolean outOfScope =
              (schema != null && !schemas.contains(schema))
                  || (ownerTable != null && options.excludedTables().contains(ownerTable));
          if (!outOfScope) {
            skipped.add("comment on " + rs.getString(5));
          }
        });
  }

  private Target commentTarget(String catalog, long oid, int sub) {
    switch (catalog) {
      case "pg_class":
        if (sub > 0) {
          String column = columnKeys.get(oid + ":" + sub);
          return column == null ? null : new Target(ObjectKind.COLUMN, column);
        }
        return relationTargets.get(oid);
      case "pg_namespace":
        return target(ObjectKind.SCHEMA, schemaKeys.get(oid));
      case "pg_constraint":
        return target(ObjectKind.CONSTRAINT, constraintKeys.get(oid));
      case "pg_proc":
        return target(ObjectKind.ROUTINE, routineKeys.get(oid));
      case "pg_type":
        return typeTargets.get(oid);
      case "pg_trigger":
        return target(ObjectKind.TRIGGER, triggerKeys.get(oid));
      case "pg_extension":
        return target(ObjectKind.EXTENSION, extensionKeys.get(oid));
      default:
        return null;
    }
  }

  private static Target target(ObjectKind kind, String key) {
    return key == null ? null : new Target(kind, key);
  }

  private void readUnmodelled() throws SQLException {
    query(UNMODELLED, rs -> skipped.add(rs.getString(1)));
    try {
      query(SUBSCRIPTIONS, rs -> skipped.add(rs.getString(1)));
    } catch (SQLException e) {
      // Only a missing privilege lands here; say that subscriptions could not be checked.
      skipped.add("subscriptions could not be checked: " + e.getMessage());
    }
  }

  private static String abbreviate(TreeSet<String> names) {
    List<String> first = new ArrayList<>();
    for (String n : names) {
      if (first.size() == 5) {
        break;
      }
      first.add(n);
    }
    String more =
        names.size() > first.size() ? " and " + (names.size() - first.size()) + " more" : "";
    return String.join(", ", first) + more;
  }

  private static String blank(ResultSet rs, int column) throws SQLException {
    String s = rs.getString(column);
    return s == null || s.isEmpty() ? null : s;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  private interface RowReader {
    void row(ResultSet rs) throws SQLException;
  }

  /**
   * Runs one catalog query, binding {@code :schemas} and {@code :excluded} (text arrays) wherever
   * they appear.
   */
  private void query(String sql, RowReader reader) throws SQLException {
    Map<Integer, String> bindings = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    int parameter = 0;
    while (i < sql.length()) {
      if (sql.startsWith(":schemas", i)) {
        bindings.put(++parameter, "schemas");
        text.append('?');
        i += ":schemas".length();
      } else if (sql.startsWith(":excluded", i)) {
        bindings.put(++parameter, "excluded");
        text.append('?');
        i += ":excluded".length();
      } else {
        text.append(sql.charAt(i++));
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(text.toString())) {
      for (Map.Entry<Integer, String> b : bindings.entrySet()) {
        Object[] values =
            b.getValue().equals("schemas") ? schemas.toArray() : options.excludedTables().toArray();
        ps.setArray(b.getKey(), connection.createArrayOf("text", values));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.row(rs);
        }
      }
    }
  }
}
