/* test-postgis.c — greenreach-cli against a real PostgreSQL + PostGIS server
 * (started by pg-server.sh): every role read from database tables, the
 * same figures as from files, no password ever printed or kept, clear
 * messages for a refused or unreachable server and for bad tables; publish
 * read back with ogrinfo, published again, killed half way, and with names
 * made to break SQL.
 */
#define _GNU_SOURCE /* memmem */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "gr-test-json.h"
#include "gr-test-pg.h"
#include "gr-test-run.h"
#include "gr-test-util.h"

#include <math.h>
#include <signal.h>
#include <string.h>

#define run_cli(...) run_cli_env (NULL, __VA_ARGS__)

/* The sample city imported once, its layers copied into the database. */
static char *scratch;
static char *sample_gpkg;

static const char *const roles[] = {
  "residential", "green", "park", "water", "zones", "walk", "greenway", "buildings", "sites", NULL,
};

static char *
pg (const char *extra)
{
  g_autofree char *base = gr_test_pg_base ();

  return g_strdup_printf ("PG:%s%s%s", base, extra != NULL ? " " : "", extra != NULL ? extra : "");
}

/* The environment a CLI run gets the password from. */
static const char *const *
passfile_env (void)
{
  static const char *env_extra[3];

  env_extra[0] = "PGPASSFILE";
  env_extra[1] = gr_test_pg_env ("GREENREACH_PG_PASSFILE");
  return env_extra;
}

static void
sql (PGconn *conn, const char *text)
{
  PGresult *r = PQexec (conn, text);

  if (PQresultStatus (r) != PGRES_COMMAND_OK && PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", text, PQresultErrorMessage (r));
  PQclear (r);
}

static double
sql_number (PGconn *conn, const char *text)
{
  g_autofree char *value = gr_test_pg_value (conn, text);

  return value != NULL ? g_ascii_strtod (value, NULL) : NAN;
}

static void
assert_no_password (const char *text)
{
  g_assert_null (strstr (text != NULL ? text : "", gr_test_pg_env ("GREENREACH_PG_PASSWORD")));
}

static void
ogr2ogr_table (const char *layer)
{
  g_autofree char *target = pg (NULL);
  g_autofree char *name = g_strdup_printf ("city.%s", layer);
  const char      *args[] = { "-f",   "PostgreSQL", target, sample_gpkg,          layer,
                              "-nln", name,         "-lco", "GEOMETRY_NAME=geom", NULL };
  g_auto (Run) load = gr_test_run_argv (passfile_env (), "ogr2ogr", args);

  if (load.status != 0)
    g_error ("ogr2ogr %s: %s", layer, load.err);
}

/* ---- reading ---------------------------------------------------------------- */

static GPtrArray *
role_args (gboolean from_db, const char *extra)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; roles[i] != NULL; i++)
    {
      if (from_db)
        {
          g_autofree char *tables = g_strdup_printf ("%s%stables=city.%s", extra ? extra : "",
                                                     extra ? " " : "", roles[i]);
          g_autofree char *connection = pg (tables);

          g_ptr_array_add (args, g_strdup_printf ("%s=%s", roles[i], connection));
        }
      else
        g_ptr_array_add (args, g_strdup_printf ("%s=%s:%s", roles[i], sample_gpkg, roles[i]));
    }
  return args;
}

static Run
run_cli_args (const char *const *env_extra, const char *command, GPtrArray *args, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) command);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  va_start (ap, args);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return gr_test_run_argv (env_extra, g_getenv ("GREENREACH_CLI"),
                           (const char *const *) argv->pdata);
}

/* Every role from a table: the same project, so the same indicators, as
 * from the files the tables were loaded from. */
static void
test_read_every_role (void)
{
  g_autofree char *from_files = g_build_filename (scratch, "files.gpkg", NULL);
  g_autofree char *from_db = g_build_filename (scratch, "db.gpkg", NULL);
  g_autoptr (GPtrArray) file_args = role_args (FALSE, NULL);
  g_autoptr (GPtrArray) db_args = role_args (TRUE, NULL);
  g_auto (Run) a = run_cli_args (NULL, "import", file_args, "-o", from_files, NULL);
  g_auto (Run) b = run_cli_args (passfile_env (), "import", db_args, "-o", from_db, NULL);
  g_auto (Run) ia = { 0 };
  g_auto (Run) ib = { 0 };
  g_auto (Run) wa = { 0 };
  g_auto (Run) wb = { 0 };

  g_assert_cmpint (a.status, ==, 0);
  if (b.status != 0)
    g_error ("import from PostGIS: %s", b.err);
  ia = run_cli ("indicators", from_files, "--json", NULL);
  ib = run_cli ("indicators", from_db, "--json", NULL);
  g_assert_cmpint (ia.status, ==, 0);
  g_assert_cmpint (ib.status, ==, 0);
  g_assert_cmpstr (ia.out, ==, ib.out);
  wa = run_cli ("analyze", from_files, "--mode", "walking", "--json", NULL);
  wb = run_cli ("analyze", from_db, "--mode", "walking", "--json", NULL);
  g_assert_cmpint (wa.status, ==, 0);
  g_assert_cmpstr (wa.out, ==, wb.out);
  g_assert_nonnull (strstr (ib.out, "\"service_radius_rate\""));
}

/* A password in the connection string reaches the server and nothing
 * else: not the output, not the project file, not its recipe. */
static void
test_read_password_kept_out (void)
{
  g_autofree char *out = g_build_filename (scratch, "secret.gpkg", NULL);
  g_autofree char *extra =
      g_strdup_printf ("password=%s", gr_test_pg_env ("GREENREACH_PG_PASSWORD"));
  g_autoptr (GPtrArray) args = role_args (TRUE, extra);
  const char *no_passfile[] = { "PGPASSFILE", "/nonexistent", NULL };
  g_auto (Run) r = run_cli_args (no_passfile, "import", args, "-o", out, NULL);
  g_auto (Run) again = { 0 };
  g_autofree char *bytes = NULL;
  gsize            size;

  if (r.status != 0)
    g_error ("import with a password: %s", r.err);
  assert_no_password (r.out);
  assert_no_password (r.err);
  g_assert_true (g_file_get_contents (out, &bytes, &size, NULL));
  g_assert_null (memmem (bytes, size, gr_test_pg_env ("GREENREACH_PG_PASSWORD"),
                         strlen (gr_test_pg_env ("GREENREACH_PG_PASSWORD"))));
  g_assert_nonnull (memmem (bytes, size, "tables=city.park", strlen ("tables=city.park")));
  /* The recipe without the password: the next import finds it in the
   * password file. */
  again = run_cli_env (passfile_env (), "reimport", out, NULL);
  if (again.status != 0)
    g_error ("reimport through PGPASSFILE: %s", again.err);
  assert_no_password (again.err);
}

/* A password with a space, both quotes and a backslash, given in the
 * string (quoted as libpq reads it) under a lower-case pg: prefix: the
 * tables are read, and no piece of it is printed or kept. */
static void
test_read_awkward_password (void)
{
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  g_autofree char *out = g_build_filename (scratch, "awkward.gpkg", NULL);
  g_autofree char *base =
      g_strdup_printf ("pg:host=%s port=%s dbname=%s user=awkward "
                       "password='p w\\'q\"r\\\\s'",
                       gr_test_pg_env ("GREENREACH_PG_HOST"), gr_test_pg_env ("GREENREACH_PG_PORT"),
                       gr_test_pg_env ("GREENREACH_PG_DBNAME"));
  g_autofree char *res = g_strdup_printf ("residential=%s tables=city.residential", base);
  g_autofree char *park = g_strdup_printf ("park=%s tables=city.park", base);
  const char      *no_passfile[] = { "PGPASSFILE", "/nonexistent", NULL };
  /* Long enough not to turn up by chance in the file's binary pages. */
  static const char *const pieces[] = { "p w'q", "w'q\"r", "q\"r\\s" };
  g_autofree char         *bytes = NULL;
  gsize                    size;
  g_auto (Run) r = { 0 };

  sql (conn, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'awkward') THEN "
             "CREATE ROLE awkward LOGIN PASSWORD 'p w''q\"r\\s'; END IF; END $$; "
             "GRANT USAGE ON SCHEMA city TO awkward; "
             "GRANT SELECT ON ALL TABLES IN SCHEMA city TO awkward");
  r = run_cli_env (no_passfile, "import", res, park, "-o", out, NULL);
  if (r.status != 0)
    g_error ("import with an awkward password: %s", r.err);
  g_assert_true (g_file_get_contents (out, &bytes, &size, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_assert_null (strstr (r.out, pieces[i]));
      g_assert_null (strstr (r.err, pieces[i]));
      g_assert_null (strstr (r.err, "p w"));
      if (memmem (bytes, size, pieces[i], strlen (pieces[i])) != NULL)
        g_error ("“%s” is in the project file", pieces[i]);
    }
  g_assert_nonnull (memmem (bytes, size, "user=awkward", strlen ("user=awkward")));
}

/* A service (PGSERVICEFILE, service=…) names the server, the password file
 * gives the password. */
static void
test_read_service (void)
{
  g_autofree char *services = g_build_filename (scratch, "pg_service.conf", NULL);
  g_autofree char *text = g_strdup_printf (
      "[bureau]\nhost=%s\nport=%s\ndbname=%s\nuser=%s\n", gr_test_pg_env ("GREENREACH_PG_HOST"),
      gr_test_pg_env ("GREENREACH_PG_PORT"), gr_test_pg_env ("GREENREACH_PG_DBNAME"),
      gr_test_pg_env ("GREENREACH_PG_USER"));
  const char *env_extra[] = { "PGSERVICEFILE", services, "PGPASSFILE",
                              gr_test_pg_env ("GREENREACH_PG_PASSFILE"), NULL };
  g_auto (Run) r = { 0 };

  g_assert_true (g_file_set_contents (services, text, -1, NULL));
  r = run_cli_env (env_extra, "analyze", "residential=PG:service=bureau tables=city.residential",
                   "park=PG:service=bureau tables=city.park", "--json", NULL);
  if (r.status != 0)
    g_error ("PGSERVICE: %s", r.err);
  g_assert_nonnull (strstr (r.out, "\"service_radius_rate\""));
}

/* A wrong password and a server that is not there: exit 1, a message
 * naming the connection and the reason, and no password. */
static void
test_read_refused (void)
{
  const char      *no_passfile[] = { "PGPASSFILE", "/nonexistent", NULL };
  g_autofree char *wrong = pg ("password=Wr0ng-S3cret tables=city.park");
  g_autofree char *source = g_strconcat ("park=", wrong, NULL);
  g_autofree char *res = g_strconcat ("residential=", wrong, NULL);
  g_auto (Run) r = run_cli_env (no_passfile, "analyze", res, source, NULL);
  g_auto (Run) gone = run_cli_env (no_passfile, "analyze",
                                   "residential=PG:host=127.0.0.1 port=1 dbname=city "
                                   "password=Wr0ng-S3cret tables=city.residential",
                                   NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cannot read from the database"));
  g_assert_nonnull (strstr (r.err, "password authentication failed"));
  g_assert_nonnull (strstr (r.err, gr_test_pg_env ("GREENREACH_PG_PORT")));
  g_assert_null (strstr (r.err, "Wr0ng-S3cret"));
  g_assert_null (strstr (r.out, "Wr0ng-S3cret"));
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_nonnull (strstr (gone.err, "port=1"));
  g_assert_nonnull (strstr (gone.err, "cannot read from the database"));
  g_assert_null (strstr (gone.err, "Wr0ng-S3cret"));
}

/* Tables a bureau's database may hold: each refused with its own reason. */
static void
test_read_bad_tables (void)
{
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  static const struct
  {
    const char *table, *says;
  } cases[] = {
    { "missing", "no table “missing” with a geometry column" },
    { "city.nogeom", "no table “city.nogeom” with a geometry column" },
    { "city.empty", "is empty" },
    { "city.lines", "needs polygons" },
    { "city.nosrid", "has no SRID" },
  };

  sql (conn, "CREATE TABLE city.nogeom (id int); "
             "CREATE TABLE city.empty (id int, geom geometry(MultiPolygon, 32631)); "
             "CREATE TABLE city.lines (id int, geom geometry(LineString, 32631)); "
             "INSERT INTO city.lines VALUES (1, ST_GeomFromText('LINESTRING(378000 4708000, "
             "379000 4708000)', 32631)); "
             "CREATE TABLE city.nosrid AS SELECT 1 AS id, ST_SetSRID(geom, 0) AS geom "
             "FROM city.residential LIMIT 3");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tables = g_strdup_printf ("tables=%s", cases[i].table);
      g_autofree char *connection = pg (tables);
      g_autofree char *source = g_strconcat ("residential=", connection, NULL);
      g_auto (Run) r = run_cli_env (passfile_env (), "analyze", source, NULL);

      g_assert_cmpint (r.status, ==, 1);
      if (strstr (r.err, cases[i].says) == NULL)
        g_error ("%s: expected “%s” in: %s", cases[i].table, cases[i].says, r.err);
    }
}

/* ---- publishing ------------------------------------------------------------- */

typedef struct
{
  guint regions, zones, indicators, candidates, suggested;
} Counts;

static Counts
parse_counts (const char *out)
{
  Counts      c = { 0 };
  const char *p = strstr (out, ": ");

  g_assert_nonnull (p);
  g_assert_cmpint (sscanf (p,
                           ": %u coverage regions, %u zone rows, %u indicator rows, %u "
                           "candidate parks, %u suggested sites",
                           &c.regions, &c.zones, &c.indicators, &c.candidates, &c.suggested),
                   ==, 5);
  return c;
}

/* A project with a scenario of two suggested parks. */
static char *
project_with_scenario (const char *name)
{
  const char      *src = sample_gpkg;
  char            *gpkg = g_build_filename (scratch, name, NULL);
  g_autofree char *bytes = NULL;
  gsize            size;
  g_auto (Run) r = { 0 };

  g_assert_true (g_file_get_contents (src, &bytes, &size, NULL));
  g_assert_true (g_file_set_contents (gpkg, bytes, size, NULL));
  r = run_cli ("suggest", gpkg, "--count", "2", "--area", "1000", "--apply", "Option \"A\"; DROP",
               NULL);
  if (r.status != 0)
    g_error ("suggest --apply: %s", r.err);
  return gpkg;
}

static Run
publish (const char *gpkg, const char *schema, gboolean scenario)
{
  g_autofree char *connection = pg (NULL);

  if (scenario)
    return run_cli_env (passfile_env (), "publish", gpkg, connection, "--schema", schema,
                        "--scenario", "Option \"A\"; DROP", NULL);
  return run_cli_env (passfile_env (), "publish", gpkg, connection, "--schema", schema, NULL);
}

static char *
ogrinfo (const char *schema, const char *extra_arg, const char *layer)
{
  g_autofree char *with_schema = g_strdup_printf ("schemas=%s", schema);
  g_autofree char *connection = pg (with_schema);
  const char      *args[] = { "-ro", "-so", connection, extra_arg, layer, NULL };
  const char      *args_sql[] = { "-ro", connection, "-sql", extra_arg, NULL };
  g_auto (Run) r = gr_test_run_argv (passfile_env (), "ogrinfo", layer != NULL ? args : args_sql);

  if (r.status != 0)
    g_error ("ogrinfo %s: %s", layer != NULL ? layer : extra_arg, r.err);
  return g_steal_pointer (&r.out);
}

static double
ogrinfo_number (const char *text, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("%s (Real) = ", key);
  const char      *p = strstr (text, needle);

  if (p == NULL)
    {
      g_free (needle);
      needle = g_strdup_printf ("%s (Integer64) = ", key);
      p = strstr (text, needle);
    }
  if (p == NULL)
    {
      g_free (needle);
      needle = g_strdup_printf ("%s (Integer) = ", key);
      p = strstr (text, needle);
    }
  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (needle), NULL);
}

/* Published, read back as QGIS reads it (GDAL's PostgreSQL driver): the
 * layers with their SRID and counts, and the blind spots' residential land
 * the analysis's own to the square metre. */
static void
test_publish_read_back (void)
{
  g_autofree char *gpkg = project_with_scenario ("published.gpkg");
  g_auto (Run) r = publish (gpkg, "greenreach", TRUE);
  g_auto (Run) analysis = run_cli ("analyze", gpkg, "--json", NULL);
  g_auto (Run) scenario =
      run_cli ("analyze", gpkg, "--scenario", "Option \"A\"; DROP", "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) parser2 = json_parser_new ();
  JsonObject              *base = NULL, *option = NULL;
  Counts                   c;
  static const char *const maps[] = { "coverage_regions", "zone_coverage", "candidate_parks",
                                      "suggested_sites", "blind_spots" };

  if (r.status != 0)
    g_error ("publish: %s", r.err);
  assert_no_password (r.out);
  assert_no_password (r.err);
  c = parse_counts (r.out);
  g_assert_cmpuint (c.regions, >, 100);
  g_assert_cmpuint (c.zones, ==, 2 * 8);
  g_assert_cmpuint (c.candidates, ==, 2);
  g_assert_cmpuint (c.suggested, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *info = ogrinfo ("greenreach", "greenreach.", NULL);
      g_autofree char *layer = g_strdup_printf ("greenreach.%s", maps[i]);
      g_autofree char *summary = NULL;

      (void) info;
      summary = ogrinfo ("greenreach", "-nomd", layer);
      g_assert_nonnull (strstr (summary, "Geometry: Multi Polygon"));
      g_assert_nonnull (strstr (summary, "ID[\"EPSG\",32631]"));
    }
  {
    g_autofree char *regions = ogrinfo ("greenreach", "-nomd", "greenreach.coverage_regions");
    g_autofree char *count = g_strdup_printf ("Feature Count: %u", c.regions);

    g_assert_nonnull (strstr (regions, count));
  }
  base = parse_object (analysis.out, parser);
  option = parse_object (scenario.out, parser2);
  {
    g_autofree char *neither = ogrinfo (
        "greenreach",
        "SELECT sum(residential_m2) AS m2, sum(residents) AS people FROM greenreach.blind_spots "
        "WHERE state = 'neither' AND scenario IS NULL",
        NULL);
    g_autofree char *neither2 =
        ogrinfo ("greenreach",
                 "SELECT sum(residential_m2) AS m2 FROM greenreach.coverage_regions "
                 "WHERE state = 'neither' AND scenario IS NOT NULL",
                 NULL);
    g_autofree char *all = ogrinfo ("greenreach",
                                    "SELECT sum(residential_m2) AS m2 FROM "
                                    "greenreach.coverage_regions WHERE scenario IS NULL",
                                    NULL);

    g_assert_cmpfloat_with_epsilon (ogrinfo_number (neither, "m2"),
                                    member (base, "neither", "area_m2"), 0.5);
    g_assert_cmpfloat_with_epsilon (ogrinfo_number (neither, "people"),
                                    member (base, "neither", "population"), 0.5);
    g_assert_cmpfloat_with_epsilon (ogrinfo_number (neither2, "m2"),
                                    member (option, "neither", "area_m2"), 0.5);
    g_assert_cmpfloat (member (option, "neither", "area_m2"), <,
                       member (base, "neither", "area_m2"));
    g_assert_cmpfloat_with_epsilon (ogrinfo_number (all, "m2"),
                                    member (base, "residential", "area_m2"), 0.5);
  }
  {
    g_autoptr (PGconn) conn = gr_test_pg_connect ();
    g_autofree char *srid =
        gr_test_pg_value (conn, "SELECT string_agg(DISTINCT srid::text, ',') FROM geometry_columns "
                                "WHERE f_table_schema = 'greenreach'");
    g_autofree char *mode = gr_test_pg_value (conn, "SELECT mode FROM greenreach.run");
    g_autofree char *pass = gr_test_pg_value (
        conn, "SELECT pass::text FROM greenreach.indicators WHERE zone IS NULL AND scenario IS "
              "NULL AND key = 'service_radius_rate'");
    double invalid = sql_number (
        conn, "SELECT count(*) FROM greenreach.coverage_regions WHERE NOT ST_IsValid(geom)");

    g_assert_cmpstr (srid, ==, "32631");
    g_assert_cmpstr (mode, ==, "straight-line");
    g_assert_cmpstr (pass, ==, "false");
    /* Judged against the set's own target (Yuncheng 2025: 80 %). */
    g_assert_cmpfloat (sql_number (conn, "SELECT target FROM greenreach.indicators WHERE zone IS "
                                         "NULL AND scenario IS NULL AND key = "
                                         "'service_radius_rate'"),
                       ==, 80);
    g_assert_cmpfloat (invalid, ==, 0);
    g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM greenreach.indicators"), ==,
                       c.indicators);
    g_assert_cmpfloat (
        sql_number (conn, "SELECT count(*) FROM greenreach.candidate_parks WHERE suggested"), ==,
        2);
  }
}

/* Published again (the baseline alone, walking): the run replaced whole,
 * nothing of the last one left. */
static void
test_publish_again (void)
{
  g_autofree char *gpkg = g_build_filename (scratch, "published.gpkg", NULL);
  g_autofree char *connection = pg (NULL);
  g_auto (Run) r =
      run_cli_env (passfile_env (), "publish", gpkg, connection, "--mode", "walking", NULL);
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  Counts c;

  if (r.status != 0)
    g_error ("publish again: %s", r.err);
  c = parse_counts (r.out);
  g_assert_cmpuint (c.candidates, ==, 0);
  g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM greenreach.run"), ==, 1);
  g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM greenreach.coverage_regions"), ==,
                     c.regions);
  g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM greenreach.candidate_parks"), ==, 0);
  g_assert_cmpfloat (
      sql_number (conn, "SELECT count(*) FROM greenreach.zone_coverage WHERE scenario IS NOT NULL"),
      ==, 0);
  {
    g_autofree char *mode = gr_test_pg_value (conn, "SELECT mode FROM greenreach.run");

    g_assert_cmpstr (mode, ==, "walking");
  }
}

/* A publish stopped by SIGKILL while its transaction is open (held back by
 * a reader's lock on the run table, after every other table is written):
 * readers see the last run meanwhile, and it is still there, whole, after. */
static void
test_publish_killed (void)
{
  g_autofree char *gpkg = g_build_filename (scratch, "published.gpkg", NULL);
  g_autofree char *connection = pg (NULL);
  g_autoptr (PGconn) holder = gr_test_pg_connect ();
  g_autoptr (PGconn) reader = gr_test_pg_connect ();
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "PGPASSFILE",
                                          gr_test_pg_env ("GREENREACH_PG_PASSFILE"), TRUE);
  const char *argv[] = { g_getenv ("GREENREACH_CLI"), "publish", gpkg, connection, "--scenario",
                         "Option \"A\"; DROP",        NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double           regions_before;
  GPid             pid;
  gboolean         waiting = FALSE;

  before = gr_test_pg_value (reader, "SELECT published_at::text FROM greenreach.run");
  regions_before = sql_number (reader, "SELECT count(*) FROM greenreach.coverage_regions");
  sql (holder, "BEGIN; LOCK TABLE greenreach.run IN ACCESS EXCLUSIVE MODE");
  g_assert_true (g_spawn_async (NULL, (char **) argv, envp,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                                    | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* Until its transaction waits on the lock, with everything else written. */
  for (guint i = 0; i < 1200 && !waiting; i++)
    {
      g_usleep (100 * 1000);
      waiting = sql_number (reader, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type "
                                    "= 'Lock' AND query LIKE 'DELETE FROM%run%'")
                > 0;
    }
  g_assert_true (waiting);
  /* A reader meanwhile sees the last run whole. */
  g_assert_cmpfloat (sql_number (reader, "SELECT count(*) FROM greenreach.coverage_regions"), ==,
                     regions_before);
  g_assert_cmpfloat (sql_number (reader, "SELECT count(*) FROM greenreach.candidate_parks"), ==, 0);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  sql (holder, "ROLLBACK");
  /* The dead client's transaction ends when its server process notices. */
  for (guint i = 0; i < 600; i++)
    {
      if (sql_number (reader, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%run%' "
                              "AND state <> 'idle' AND pid <> pg_backend_pid()")
          == 0)
        break;
      g_usleep (100 * 1000);
    }
  after = gr_test_pg_value (reader, "SELECT published_at::text FROM greenreach.run");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpfloat (sql_number (reader, "SELECT count(*) FROM greenreach.run"), ==, 1);
  g_assert_cmpfloat (sql_number (reader, "SELECT count(*) FROM greenreach.coverage_regions"), ==,
                     regions_before);
  g_assert_cmpfloat (sql_number (reader, "SELECT count(*) FROM greenreach.candidate_parks"), ==, 0);
}

/* A schema and a scenario named to end an identifier and start a
 * statement are names like any other. */
static void
test_publish_hostile_names (void)
{
  const char      *schema = "bureau\"; DROP TABLE public.keep; --";
  g_autofree char *gpkg = g_build_filename (scratch, "published.gpkg", NULL);
  g_autoptr (PGconn) conn = gr_test_pg_connect ();
  g_auto (Run) r = { 0 };

  sql (conn, "CREATE TABLE IF NOT EXISTS public.keep (id int)");
  r = publish (gpkg, schema, TRUE);
  if (r.status != 0)
    g_error ("publish to a hostile schema: %s", r.err);
  g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                       "'public' AND tablename = 'keep'"),
                     ==, 1);
  g_assert_cmpfloat (sql_number (conn, "SELECT count(*) FROM information_schema.schemata WHERE "
                                       "schema_name = 'bureau\"; DROP TABLE public.keep; --'"),
                     ==, 1);
  g_assert_cmpfloat (
      sql_number (conn, "SELECT count(*) FROM \"bureau\"\"; DROP TABLE public.keep; --\".run "
                        "WHERE scenarios[1] = 'Option \"A\"; DROP'"),
      ==, 1);
  g_assert_cmpfloat (sql_number (conn,
                                 "SELECT count(DISTINCT scenario) FROM \"bureau\"\"; DROP TABLE "
                                 "public.keep; --\".candidate_parks"),
                     ==, 1);
}

/* Refused or unreachable: exit 1, the connection named without its
 * password, and the last publish untouched. */
static void
test_publish_refused (void)
{
  g_autofree char *gpkg = g_build_filename (scratch, "published.gpkg", NULL);
  g_autofree char *wrong = pg ("password=Wr0ng-S3cret");
  const char      *no_passfile[] = { "PGPASSFILE", "/nonexistent", NULL };
  g_auto (Run) r = run_cli_env (no_passfile, "publish", gpkg, wrong, NULL);
  g_auto (Run) gone = run_cli_env (no_passfile, "publish", gpkg,
                                   "PG:host=127.0.0.1 port=1 dbname=x password=Wr0ng-S3cret", NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "cannot connect to the database"));
  g_assert_nonnull (strstr (r.err, "password authentication failed"));
  g_assert_null (strstr (r.err, "Wr0ng-S3cret"));
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_nonnull (strstr (gone.err, "port=1"));
  g_assert_null (strstr (gone.err, "Wr0ng-S3cret"));
}

int
main (int argc, char **argv)
{
  g_autoptr (PGconn) conn = NULL;
  g_auto (Run) r = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("greenreach-postgis-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  sample_gpkg = g_build_filename (scratch, "andorra.gpkg", NULL);
  r = run_cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", sample_gpkg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  conn = gr_test_pg_connect ();
  sql (conn, "CREATE SCHEMA city");
  for (guint i = 0; roles[i] != NULL; i++)
    ogr2ogr_table (roles[i]);

  g_test_add_func ("/postgis/read/every-role", test_read_every_role);
  g_test_add_func ("/postgis/read/password-kept-out", test_read_password_kept_out);
  g_test_add_func ("/postgis/read/awkward-password", test_read_awkward_password);
  g_test_add_func ("/postgis/read/service", test_read_service);
  g_test_add_func ("/postgis/read/refused", test_read_refused);
  g_test_add_func ("/postgis/read/bad-tables", test_read_bad_tables);
  g_test_add_func ("/postgis/publish/read-back", test_publish_read_back);
  g_test_add_func ("/postgis/publish/again", test_publish_again);
  g_test_add_func ("/postgis/publish/killed", test_publish_killed);
  g_test_add_func ("/postgis/publish/hostile-names", test_publish_hostile_names);
  g_test_add_func ("/postgis/publish/refused", test_publish_refused);
  status = g_test_run ();
  gr_test_remove_tree (scratch);
  g_free (scratch);
  g_free (sample_gpkg);
  return status;
}
