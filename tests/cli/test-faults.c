/* test-faults.c — nothing lost, nothing wrong, nothing crashes: projects
 * changed behind the program's back, a full disk, read-only files and
 * damaged OpenStreetMap coordinates, through greenreach-cli as a user
 * runs it
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "gr-test-run.h"
#include "gr-test-util.h"

#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define run_cli(...) run_cli_env (NULL, __VA_ARGS__)

#define NOBODY 65534

/* ---- the project the tests change ----------------------------------------- */

static char *
new_project (const char *dir, const char *name)
{
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  char            *path = g_build_filename (dir, name, NULL);
  g_auto (Run) run = run_cli ("import", osm, "-o", path, NULL);

  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static void
sql (const char *path, const char *statement)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
  sqlite3_close (db);
}

/* One text value of a query, or NULL. */
static char *
sql_text (const char *path, const char *query)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GBytes *
contents (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
assert_same_bytes (GBytes *before, const char *path)
{
  g_autoptr (GBytes) now = contents (path);

  g_assert_true (g_bytes_equal (before, now));
}

static double
indicator (const char *json, const char *key)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *items;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  items = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "city"),
      "indicators");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "key"), key) == 0)
        return json_object_get_double_member (item, "value");
    }
  g_error ("no indicator %s in %s", key, json);
  return NAN;
}

/* Scenario @name with one candidate park in Monaco's centre. */
static void
scenario_with_candidate (const char *path, const char *name)
{
  g_auto (Run) create = run_cli ("scenario", "create", path, name, NULL);
  g_auto (Run) add =
      run_cli ("scenario", "add-park", path, name, "--lonlat", "--at", "7.4200,43.7350", NULL);

  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpint (add.status, ==, 0);
}

/* ---- a project without a park layer ------------------------------------- */

static void
test_no_park_layer (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = new_project (dir, "no-parks.gpkg");

  sql (path, "DELETE FROM gr_roles WHERE role = 'park'");
  scenario_with_candidate (path, "A");
  {
    g_auto (Run) list = run_cli ("scenario", "list", path, NULL);

    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.out, "A\t1 of 1 edits\t1 candidate parks"));
  }
}

/* ---- edits that no longer fit the data ---------------------------------- */

static void
test_edit_past_the_end (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = new_project (dir, "edits.gpkg");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run_cli ("scenario", "create", path, "clean", NULL).status, ==, 0);
  g_assert_cmpint (run_cli ("scenario", "add-park", path, "clean", "--lonlat", "--at",
                            "7.4200,43.7350", "--park-name", "新公园", NULL)
                       .status,
                   ==, 0);
  g_assert_cmpint (run_cli ("scenario", "create", path, "broken", "--from", "clean", NULL).status,
                   ==, 0);
  /* Two edits made by another tool: one by an index far past the end of the
   * green layer (as older versions wrote them), one naming a park number
   * the layer never had. */
  sql (path, "INSERT INTO gr_edits (scenario, seq, kind, role, feature) "
             "SELECT id, 1, 'remove', 'green', 100000 FROM gr_scenarios WHERE name = 'broken';"
             "INSERT INTO gr_edits (scenario, seq, kind, role, feature, fid, target) "
             "SELECT id, 2, 'remove', 'park', 0, 99999, '消失的公园' FROM gr_scenarios "
             "WHERE name = 'broken';"
             "UPDATE gr_scenarios SET position = 3 WHERE name = 'broken'");
  {
    g_auto (Run) list = run_cli ("scenario", "list", path, NULL);
    g_auto (Run) broken = run_cli ("indicators", path, "--scenario", "broken", "--json", NULL);
    g_auto (Run) clean = run_cli ("indicators", path, "--scenario", "clean", "--json", NULL);
    g_auto (Run) report = run_cli ("report", path, "--scenario", "broken", "-o", pdf, NULL);
    g_auto (Run) render = run_cli ("render", path, "--scenario", "broken", "-o", png, NULL);

    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.out, "broken\t1 of 1 edits\t1 candidate parks"));
    g_assert_nonnull (strstr (list.err, "“broken”, edit 2 (remove)"));
    g_assert_nonnull (strstr (list.err, "green space #100001"));
    g_assert_nonnull (strstr (list.err, "“broken”, edit 3 (remove)"));
    g_assert_nonnull (strstr (list.err, "消失的公园"));
    g_assert_null (strstr (list.err, "“clean”"));
    /* Analysed without them: the same figures as the scenario without. */
    g_assert_cmpint (broken.status, ==, 0);
    g_assert_nonnull (strstr (broken.err, "left out"));
    g_assert_cmpfloat (indicator (broken.out, "service_radius_rate"), ==,
                       indicator (clean.out, "service_radius_rate"));
    g_assert_cmpfloat (indicator (broken.out, "service_radius_rate"), >, 0);
    g_assert_cmpint (report.status, ==, 0);
    g_assert_nonnull (strstr (report.err, "消失的公园"));
    g_assert_cmpint (render.status, ==, 0);
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  }
  /* The report says so on its cover. */
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                                 NULL, NULL, NULL));
    g_assert_nonnull (strstr (text, "消失的公园"));
    g_assert_nonnull (strstr (text, "left out"));
  }
  /* The next change writes the scenario again without them. */
  g_assert_cmpint (run_cli ("scenario", "undo", path, "broken", NULL).status, ==, 0);
  {
    g_auto (Run) list = run_cli ("scenario", "list", path, NULL);

    g_assert_nonnull (strstr (list.out, "broken\t0 of 1 edits"));
    g_assert_null (strstr (list.err, "left out"));
  }
}

/* The park an edit removes is the park it named, whatever was deleted
 * before it in another GIS; an edit of a deleted park is left out. */
static void
test_index_shift (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = new_project (dir, "shift.gpkg");
  g_autofree char *out = g_build_filename (dir, "exported.gpkg", NULL);
  g_autofree char *fid = sql_text (path, "SELECT fid FROM park WHERE name IS NOT NULL "
                                         "ORDER BY fid LIMIT 1 OFFSET 2");
  g_autofree char *q_name = g_strdup_printf ("SELECT name FROM park WHERE fid = %s", fid);
  g_autofree char *q_index = g_strdup_printf ("SELECT COUNT(*) FROM park WHERE fid <= %s", fid);
  g_autofree char *name = sql_text (path, q_name);
  g_autofree char *index = sql_text (path, q_index);
  g_autofree char *feature = g_strdup_printf ("park:%s", index);
  g_autofree char *n_before = sql_text (path, "SELECT COUNT(*) FROM park");
  g_autofree char *q_gone = NULL;
  g_autofree char *n_exported = NULL;
  g_autofree char *gone = NULL;

  g_assert_nonnull (name);
  g_assert_cmpint (run_cli ("scenario", "create", path, "A", NULL).status, ==, 0);
  {
    g_auto (Run) remove = run_cli ("scenario", "remove", path, "A", "--feature", feature, NULL);

    g_assert_cmpint (remove.status, ==, 0);
    g_assert_nonnull (strstr (remove.out, name));
  }
  /* Another GIS deletes the first park: every index after it moves. */
  sql (path, "DELETE FROM park WHERE fid = (SELECT MIN(fid) FROM park)");
  {
    g_auto (Run) export = run_cli ("scenario", "export", path, "A", "-o", out, NULL);

    g_assert_cmpint (export.status, ==, 0);
    g_assert_cmpstr (export.err, ==, "");
  }
  q_gone = g_strdup_printf ("SELECT COUNT(*) FROM park WHERE name = '%s'", name);
  gone = sql_text (out, q_gone);
  n_exported = sql_text (out, "SELECT COUNT(*) FROM park");
  g_assert_cmpstr (gone, ==, "0");
  g_assert_cmpint (atoi (n_exported), ==, atoi (n_before) - 2);
  /* Now the park itself is deleted: the edit names it and is left out. */
  {
    g_autofree char *del = g_strdup_printf ("DELETE FROM park WHERE fid = %s", fid);
    g_auto (Run) list = (sql (path, del), run_cli ("scenario", "list", path, NULL));

    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.err, name));
    g_assert_nonnull (strstr (list.err, "no longer has"));
    g_assert_nonnull (strstr (list.out, "A\t0 of 0 edits"));
  }
}

/* ---- import over a project ----------------------------------------------- */

static void
test_import_over_scenarios (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = new_project (dir, "kept.gpkg");
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  g_autoptr (GBytes) before = NULL;

  scenario_with_candidate (path, "方案甲");
  before = contents (path);
  {
    g_auto (Run) refused = run_cli ("import", osm, "-o", path, NULL);

    g_assert_cmpint (refused.status, !=, 0);
    g_assert_nonnull (strstr (refused.err, "kept.gpkg"));
    g_assert_nonnull (strstr (refused.err, "方案甲"));
    g_assert_nonnull (strstr (refused.err, "--force"));
    assert_same_bytes (before, path);
  }
  /* Read-only: not even --force writes through it. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  {
    g_auto (Run) refused = run_cli ("import", osm, "-o", path, "--force", NULL);

    g_assert_cmpint (refused.status, !=, 0);
    g_assert_nonnull (strstr (refused.err, "read-only"));
    assert_same_bytes (before, path);
  }
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  /* A project this version cannot read: what it holds is not known, so it
   * is kept too. */
  {
    g_autofree char *newer = new_project (dir, "newer.gpkg");
    g_autoptr (GBytes) kept = NULL;
    g_auto (Run) refused = (sql (newer, "UPDATE gr_meta SET value = '99' "
                                        "WHERE key = 'format_version'"),
                            kept = contents (newer), run_cli ("import", osm, "-o", newer, NULL));

    g_assert_cmpint (refused.status, !=, 0);
    g_assert_nonnull (strstr (refused.err, "newer.gpkg"));
    g_assert_nonnull (strstr (refused.err, "--force"));
    assert_same_bytes (kept, newer);
  }
  {
    g_auto (Run) forced = run_cli ("import", osm, "-o", path, "--force", NULL);
    g_auto (Run) list = run_cli ("scenario", "list", path, NULL);

    g_assert_cmpint (forced.status, ==, 0);
    g_assert_nonnull (strstr (forced.err, "dropped “方案甲” (1 edit)"));
    g_assert_cmpstr (list.out, ==, "");
  }
}

/* ---- a full disk --------------------------------------------------------- */

typedef struct
{
  rlim_t file_size; /* 0: no limit */
  uid_t  uid;       /* 0: as the test runs */
} Limits;

static void
apply_limits (gpointer data)
{
  const Limits *limits = data;

  if (limits->file_size > 0)
    {
      struct rlimit r = { limits->file_size, limits->file_size };

      /* A write past the limit fails with EFBIG, as on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &r);
    }
  if (limits->uid != 0 && (setgid (limits->uid) != 0 || setuid (limits->uid) != 0))
    _exit (99);
}

static Run
run_limited (const Limits *limits, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  Run     run = { 0 };
  int     wait_status;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("GREENREACH_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, apply_limits,
                               (gpointer) limits, &run.out, &run.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

/* Nothing but the files named is in @dir (no hidden half-written ones). */
static void
assert_only (const char *dir, const char *const *names)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_strv_contains (names, name))
      g_error ("%s: unexpected file %s", dir, name);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = new_project (dir, "full.gpkg");
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "m.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "m.svg", NULL);
  g_autofree char *again = g_build_filename (dir, "again.gpkg", NULL);
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  const Limits     full = { 64 * 1024, 0 };
  const char *const files[] = { "full.gpkg", "r.pdf", "m.png", "m.svg", NULL };
  g_autoptr (GBytes) report = NULL;
  g_autoptr (GBytes) map = NULL;
  g_autoptr (GBytes) vector = NULL;
  struct stat st;

  g_assert_cmpint (run_cli ("report", path, "-o", pdf, NULL).status, ==, 0);
  g_assert_cmpint (run_cli ("render", path, "-o", png, NULL).status, ==, 0);
  g_assert_cmpint (run_cli ("render", path, "-o", svg, NULL).status, ==, 0);
  /* Made as the umask says, like any other file (the test runs with 022). */
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~umask (022));
  report = contents (pdf);
  map = contents (png);
  vector = contents (svg);
  {
    g_auto (Run) r = run_limited (&full, "report", path, "-o", pdf, NULL);
    g_auto (Run) m = run_limited (&full, "render", path, "-o", png, NULL);
    g_auto (Run) v = run_limited (&full, "render", path, "-o", svg, NULL);
    g_auto (Run) i = run_limited (&full, "import", osm, "-o", again, NULL);

    g_assert_cmpint (r.status, !=, 0);
    g_assert_nonnull (strstr (r.err, "r.pdf"));
    g_assert_nonnull (strstr (r.err, "disk is full"));
    g_assert_cmpint (m.status, !=, 0);
    g_assert_nonnull (strstr (m.err, "m.png"));
    g_assert_cmpint (v.status, !=, 0);
    g_assert_nonnull (strstr (v.err, "m.svg"));
    g_assert_cmpint (i.status, !=, 0);
    g_assert_nonnull (strstr (i.err, "again.gpkg"));
    g_assert_nonnull (strstr (i.err, "disk is full"));
  }
  assert_same_bytes (report, pdf);
  assert_same_bytes (map, png);
  assert_same_bytes (vector, svg);
  assert_only (dir, files);
}

/* ---- read-only ------------------------------------------------------------ */

static void
test_read_only (void)
{
  g_autofree char  *dir = gr_test_scratch_dir ();
  g_autofree char  *out = gr_test_scratch_dir ();
  g_autofree char  *path = new_project (dir, "locked.gpkg");
  g_autofree char  *pdf = g_build_filename (out, "r.pdf", NULL);
  g_autofree char  *copy = g_build_filename (out, "copy.gpkg", NULL);
  const char *const files[] = { "locked.gpkg", NULL };
  /* As root, the mode bits stop nothing: the tests also run as nobody,
   * whom the kernel refuses. */
  const Limits as_nobody = { 0, geteuid () == 0 ? NOBODY : 0 };
  g_autoptr (GBytes) before = NULL;

  scenario_with_candidate (path, "A");
  g_assert_cmpint (run_cli ("scenario", "create", path, "B", NULL).status, ==, 0);
  before = contents (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (out, 0777), ==, 0);
  for (guint pass = 0; pass < (as_nobody.uid != 0 ? 2 : 1); pass++)
    {
      const Limits *limits = pass == 0 ? &(const Limits){ 0, 0 } : &as_nobody;
      g_auto (Run) list = run_limited (limits, "scenario", "list", path, NULL);
      g_auto (Run) analyse =
          run_limited (limits, "indicators", path, "--scenario", "A", "--json", NULL);
      g_auto (Run) compare = run_limited (limits, "scenario", "compare", path, "A", "B", NULL);
      g_auto (Run) export = run_limited (limits, "scenario", "export", path, "A", "-o", copy, NULL);
      g_auto (Run) report =
          run_limited (limits, "report", path, "--scenario", "A", "-o", pdf, NULL);
      g_auto (Run) edit = run_limited (limits, "scenario", "add-park", path, "B", "--lonlat",
                                       "--at", "7.4200,43.7350", NULL);
      g_auto (Run) target = run_limited (limits, "targets", path, "park_per_capita", "12", NULL);

      g_test_message ("pass %u (uid %d)", pass, (int) limits->uid);
      g_assert_cmpint (list.status, ==, 0);
      g_assert_nonnull (strstr (list.out, "A\t1 of 1 edits\t1 candidate parks"));
      g_assert_cmpint (analyse.status, ==, 0);
      g_assert_cmpint (compare.status, ==, 0);
      g_assert_cmpint (export.status, ==, 0);
      g_assert_cmpint (report.status, ==, 0);
      g_assert_cmpint (edit.status, !=, 0);
      g_assert_nonnull (strstr (edit.err, "read-only"));
      g_assert_nonnull (strstr (edit.err, "locked.gpkg"));
      g_assert_cmpint (target.status, !=, 0);
      g_assert_nonnull (strstr (target.err, "read-only"));
      g_unlink (copy);
      g_unlink (pdf);
    }
  assert_same_bytes (before, path);
  assert_only (dir, files);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
}

/* ---- impossible coordinates ---------------------------------------------- */

/* North Bayreuth's OSM XML with the latitude of a node of a building's way
 * set to @lat; returns the path, and the node's id in @node. */
static char *
damaged_osm (const char *dir, const char *lat, char **node)
{
  g_autofree char *gz =
      g_test_build_filename (G_TEST_DIST, "data", "osm", "north-bayreuth.osm.gz", NULL);
  g_autofree char *osm = g_build_filename (dir, "nb.osm", NULL);
  g_autofree char *damaged = g_strdup_printf ("%s/bayreuth-%s.osm", dir, lat[0] ? "zero" : "empty");
  const char      *argv[] = { "sh", "-c", "gzip -dc \"$0\" > \"$1\"", gz, osm, NULL };
  g_autofree char *text = NULL;
  g_autofree char *needle = NULL;
  g_autoptr (GString) edited = NULL;
  const char *building, *way, *ref, *at, *value, *end;
  int         status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  g_assert_true (g_file_get_contents (osm, &text, NULL, NULL));
  /* The first way tagged as a building. */
  for (way = strstr (text, "<way "); way != NULL; way = strstr (way + 1, "<way "))
    {
      const char *close = strstr (way, "</way>");

      building = g_strstr_len (way, close - way, "<tag k=\"building\"");
      if (building != NULL)
        break;
    }
  g_assert_nonnull (way);
  ref = strstr (way, "<nd ref=\"");
  g_assert_true (ref != NULL && ref < building);
  ref += strlen ("<nd ref=\"");
  *node = g_strndup (ref, strchr (ref, '"') - ref);
  needle = g_strdup_printf ("<node id=\"%s\"", *node);
  at = strstr (text, needle);
  g_assert_nonnull (at);
  value = strstr (at, "lat=\"") + strlen ("lat=\"");
  end = strchr (value, '"');
  edited = g_string_new_len (text, value - text);
  g_string_append (edited, lat);
  g_string_append (edited, end);
  g_assert_true (g_file_set_contents (damaged, edited->str, edited->len, NULL));
  g_unlink (osm);
  return g_steal_pointer (&damaged);
}

static double
residential_area (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_double_member (json_object_get_object_member (o, "residential"),
                                        "area_m2");
}

static void
test_osm_coordinates (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *node = NULL;
  g_autofree char *empty = damaged_osm (dir, "", &node);
  g_autofree char *zero_node = NULL;
  g_autofree char *zero = damaged_osm (dir, "0.0", &zero_node);
  g_autofree char *gz =
      g_test_build_filename (G_TEST_DIST, "data", "osm", "north-bayreuth.osm.gz", NULL);
  g_autofree char *gpkg = g_build_filename (dir, "out.gpkg", NULL);
  g_autofree char *named = g_strdup_printf ("node %s", node);

  /* An empty latitude: refused, naming the file and the node. */
  {
    g_auto (Run) refused = run_cli ("import", empty, "-o", gpkg, NULL);

    g_assert_cmpint (refused.status, !=, 0);
    g_assert_nonnull (strstr (refused.err, "bayreuth-empty.osm"));
    g_assert_nonnull (strstr (refused.err, named));
    g_assert_false (g_file_test (gpkg, G_FILE_TEST_EXISTS));
  }
  /* A latitude of 0: the building it makes thousands of km long is left
   * out, named, and the housing area stays what it is. */
  {
    g_auto (Run) clean = run_cli ("analyze", gz, "--json", NULL);
    g_auto (Run) damaged = run_cli ("analyze", zero, "--json", NULL);

    g_assert_cmpint (clean.status, ==, 0);
    g_assert_cmpint (damaged.status, ==, 0);
    g_assert_nonnull (strstr (damaged.err, "bayreuth-zero.osm"));
    g_assert_nonnull (strstr (damaged.err, "300 km"));
    g_assert_nonnull (strstr (damaged.err, "left out"));
    g_assert_cmpfloat (fabs (residential_area (damaged.out) - residential_area (clean.out)), <=,
                       0.001 * residential_area (clean.out));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  umask (022);
  g_test_add_func ("/cli/faults/no-park-layer", test_no_park_layer);
  g_test_add_func ("/cli/faults/edit-past-the-end", test_edit_past_the_end);
  g_test_add_func ("/cli/faults/index-shift", test_index_shift);
  g_test_add_func ("/cli/faults/import-over-scenarios", test_import_over_scenarios);
  g_test_add_func ("/cli/faults/full-disk", test_full_disk);
  g_test_add_func ("/cli/faults/read-only", test_read_only);
  g_test_add_func ("/cli/faults/osm-coordinates", test_osm_coordinates);
  return g_test_run ();
}
