/* test-cli.c — greenreach-cli as a user runs it: output, files, exit codes */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include "gr-test-json.h"
#include "gr-test-run.h"
#include "gr-test-util.h"

#include <math.h>
#include <string.h>

/* Every indicator the CLI reports (GR_N_INDICATORS). */
#define N_INDICATORS 21

#define run_cli(...) run_cli_env (NULL, __VA_ARGS__)

static guint
count_substrings (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Columns a line takes in a terminal: Chinese characters two. */
static guint
display_width (const char *line)
{
  guint w = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return w;
}

/* Every line of the table up to the summary ends in the same column, the
 * header with Chinese names too. */
static void
assert_table_aligned (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint width = display_width (lines[0]);

  g_assert_cmpuint (width, >, 0);
  for (guint i = 1; lines[i] != NULL && !g_str_has_prefix (lines[i], "Newly"); i++)
    if (lines[i][0] != '\0')
      g_assert_cmpuint (display_width (lines[i]), ==, width);
}

static void
assert_block (JsonObject *o, const char *name, gboolean has_min_area)
{
  JsonObject *b = json_object_get_object_member (o, name);
  double      share;

  g_assert_nonnull (b);
  g_assert_true (json_object_has_member (b, "radius_m"));
  g_assert_true (json_object_has_member (b, "min_area_m2") == has_min_area);
  g_assert_true (json_object_has_member (b, "population"));
  g_assert_true (json_object_has_member (b, "population_share"));
  share = json_object_get_double_member (b, "area_share");
  g_assert_cmpfloat (share, >=, 0);
  g_assert_cmpfloat (share, <=, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (b, "area_m2"),
                                  share * member (o, "residential", "area_m2"), 1e-3);
}

static void
assert_summary_shape (JsonObject *o)
{
  double res = member (o, "residential", "area_m2");
  double green = member (o, "green", "area_m2"), park = member (o, "park", "area_m2");
  double both = member (o, "both", "area_m2"), neither = member (o, "neither", "area_m2");

  assert_block (o, "green", TRUE);
  assert_block (o, "park", TRUE);
  assert_block (o, "both", FALSE);
  assert_block (o, "neither", FALSE);
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "service_radius_rate"),
                                         "area_share"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_object_get_object_member (o, "service_radius_rate"), "rules")),
                    ==, 3);
  /* Inclusion–exclusion: the four blocks partition residential land. */
  g_assert_cmpfloat (fabs (green + park - both + neither - res), <, 1e-6 * res + 1);
  g_assert_cmpfloat (both, <=, MIN (green, park) + 1e-6);
}

static void
test_json_shape (void)
{
  g_auto (Run) run = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray  *zones;

  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "crs"), ==, "EPSG:32631");
  g_assert_cmpstr (json_object_get_string_member (o, "mode"), ==, "straight-line");
  g_assert_cmpfloat (json_object_get_double_member (o, "resolution_m"), ==, 5);
  g_assert_false (json_object_get_boolean_member (o, "exact"));
  g_assert_true (json_object_has_member (o, "repaired_geometries"));
  assert_summary_shape (o);
  /* No population layer: the residents are estimated from the buildings,
   * and said to be. */
  g_assert_false (JSON_NODE_HOLDS_NULL (
      json_object_get_member (json_object_get_object_member (o, "green"), "population")));
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (o, "population"), "method"), ==,
      "buildings-estimate");
  g_assert_true (
      json_object_get_boolean_member (json_object_get_object_member (o, "population"), "estimate"));
  g_assert_nonnull (strstr (run.err, "estimated from"));
  {
    g_auto (Run) none = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json",
                                 "--no-population-estimate", NULL);
    g_autoptr (JsonParser) p2 = json_parser_new ();
    JsonObject *n = parse_object (none.out, p2);

    /* Without residents the population figures are null, not zero. */
    g_assert_true (JSON_NODE_HOLDS_NULL (
        json_object_get_member (json_object_get_object_member (n, "green"), "population")));
    g_assert_true (JSON_NODE_HOLDS_NULL (
        json_object_get_member (json_object_get_object_member (n, "population"), "method")));
  }
  g_assert_cmpfloat (member (o, "green", "radius_m"), ==, 300);
  g_assert_cmpfloat (member (o, "park", "min_area_m2"), ==, 10000);
  zones = json_object_get_array_member (o, "zones");
  g_assert_cmpuint (json_array_get_length (zones), ==, 7);
  for (guint z = 0; z < json_array_get_length (zones); z++)
    {
      JsonObject *zone = json_array_get_object_element (zones, z);
      g_assert_nonnull (json_object_get_string_member (zone, "name"));
      assert_summary_shape (zone);
    }
}

static void
test_options_change_results (void)
{
  g_auto (Run) base = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", NULL);
  g_auto (Run) wide = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", "--park-radius",
                               "1000", "--park-min-area", "5000", "--resolution", "10", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  JsonObject *a, *b;

  g_assert_cmpint (wide.status, ==, 0);
  a = parse_object (base.out, p1);
  b = parse_object (wide.out, p2);
  g_assert_cmpfloat (json_object_get_double_member (b, "resolution_m"), ==, 10);
  g_assert_cmpfloat (member (b, "park", "radius_m"), ==, 1000);
  g_assert_cmpfloat (member (b, "park", "area_share"), >, member (a, "park", "area_share") + 0.05);
}

static void
test_rules_file (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *rules = g_build_filename (dir, "rules.csv", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.csv", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();

  g_assert_true (g_file_set_contents (rules,
                                      "min_area_m2,max_area_m2,radius_m,historic_only\n"
                                      "1000,,1000,no\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (broken, "1000,,far\n", -1, NULL));
  {
    g_auto (Run) base = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", NULL);
    g_auto (Run) ruled =
        run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", "--rules", rules, NULL);
    g_auto (Run) bad = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--rules", broken, NULL);
    JsonObject *a = parse_object (base.out, p1), *b = parse_object (ruled.out, p2);

    g_assert_cmpint (ruled.status, ==, 0);
    g_assert_cmpfloat (member (b, "service_radius_rate", "area_share"), >,
                       member (a, "service_radius_rate", "area_share"));
    g_assert_cmpint (bad.status, ==, 1);
    g_assert_nonnull (strstr (bad.err, "broken.csv"));
  }
}

static void
test_import_then_analyze (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "andorra.gpkg", NULL);
  g_auto (Run) import = run_cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", gpkg, NULL);
  g_auto (Run) from_file = run_cli ("analyze", gpkg, "--json", NULL);
  g_auto (Run) from_osm = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *ogrinfo_out = NULL;
  const char      *ogrinfo[] = { "ogrinfo", "-ro", "-q", gpkg, NULL };
  JsonObject      *a, *b;
  int              status;

  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_file_test (gpkg, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (from_file.status, ==, 0);
  a = parse_object (from_file.out, p1);
  b = parse_object (from_osm.out, p2);
  g_assert_cmpfloat (member (a, "neither", "area_m2"), ==, member (b, "neither", "area_m2"));
  g_assert_cmpfloat (member (a, "service_radius_rate", "area_share"), ==,
                     member (b, "service_radius_rate", "area_share"));
  /* Other tools see the layers. */
  g_assert_true (g_spawn_sync (NULL, (char **) ogrinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &ogrinfo_out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ogrinfo_out, "park (Multi Polygon)"));
  g_assert_nonnull (strstr (ogrinfo_out, "residential (Multi Polygon)"));
  g_assert_nonnull (strstr (ogrinfo_out, "gr_rules"));
}

/* An import option nothing would read is refused, naming it, rather than
 * left the user believing it was used: over a project imported already,
 * for land-use codes without a land-use layer, for OSM greenways
 * without an extract. */
static void
test_unused_import_options (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "andorra.gpkg", NULL);
  g_autofree char *table = g_build_filename (dir, "人口.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.gpkg", NULL);
  g_autofree char *residential = NULL;
  const char      *sample = g_getenv ("GREENREACH_SAMPLE");
  g_auto (Run) import = run_cli ("import", sample, "-o", gpkg, NULL);

  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_file_set_contents (table, "name,population\nCanillo,4000\n", -1, NULL));
  residential = g_strconcat ("residential=", gpkg, ":residential", NULL);
  {
    g_auto (Run) run = run_cli ("analyze", gpkg, "--population-table", table, NULL);

    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--population-table"));
    g_assert_nonnull (strstr (run.err, gpkg));
  }
  {
    g_auto (Run) run = run_cli ("analyze", gpkg, "--crs", "EPSG:4546", "--json", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--crs"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto (Run) run = run_cli ("analyze", sample, "--code-table", table, NULL);

    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--code-table"));
    g_assert_nonnull (strstr (run.err, "landuse="));
  }
  {
    g_auto (Run) run = run_cli ("import", sample, "--strict", "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--strict"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto (Run) run = run_cli ("analyze", residential, "--greenways", "cycleways", NULL);

    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--greenways"));
  }
  /* A layer given without its role is not called a project. */
  {
    g_autofree char *shp = g_test_build_filename (G_TEST_DIST, "data", "bad-input",
                                                  "pyshp_corrupt_too_long.shp", NULL);
    g_auto (Run) run = run_cli ("analyze", shp, "--source-crs", "EPSG:4326", NULL);

    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_null (strstr (run.err, "imported already"));
    g_assert_nonnull (strstr (run.err, "pyshp_corrupt_too_long.shp"));
  }
  /* Where they are read, they are taken. */
  {
    g_auto (Run) run = run_cli ("analyze", sample, "--greenways", "cycleways", "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
}

/* A bureau's delivery: one land-use layer coded by the 2023 guide, made
 * from the sample's own layers, and residents per parish in a table. */
static void
test_bureau_inputs (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "andorra.gpkg", NULL);
  g_autofree char *shp = g_build_filename (dir, "用地现状.shp", NULL);
  g_autofree char *spec = g_strconcat ("landuse=", shp, NULL);
  g_autofree char *csv = g_build_filename (dir, "人口.csv", NULL);
  const char      *sql = "SELECT geom, '0701' AS DLBM FROM residential UNION ALL "
                         "SELECT geom, '1401' AS DLBM FROM park UNION ALL "
                         "SELECT geom, '9999' AS DLBM FROM water";
  const char      *ogr2ogr[] = { "ogr2ogr", "-f", "ESRI Shapefile", shp, gpkg, "-sql", sql, NULL };
  g_auto (Run) import = run_cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", gpkg, NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *coded, *layered, *people;
  int         status;

  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) ogr2ogr, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  {
    g_auto (Run) from_codes = run_cli ("analyze", spec, "--json", NULL);
    g_auto (Run) from_layers = run_cli ("analyze", gpkg, "--json", NULL);
    g_auto (Run) strict = run_cli ("analyze", spec, "--strict", NULL);

    g_assert_cmpint (from_codes.status, ==, 0);
    /* What was understood is said: every code, the unknown one marked. */
    g_assert_nonnull (strstr (from_codes.err, "DLBM"));
    g_assert_nonnull (strstr (from_codes.err, "guide-2023"));
    g_assert_nonnull (strstr (from_codes.err, "城镇住宅用地"));
    g_assert_nonnull (strstr (from_codes.err, "  ! 9999"));
    coded = parse_object (from_codes.out, p1);
    layered = parse_object (from_layers.out, p2);
    g_assert_cmpfloat_with_epsilon (member (coded, "residential", "area_m2"),
                                    member (layered, "residential", "area_m2"), 1);
    g_assert_cmpint (strict.status, ==, 1);
    g_assert_nonnull (strstr (strict.err, "9999"));
  }
  /* Residents per parish (rounded recent figures), one row misspelt. */
  g_assert_true (g_file_set_contents (csv,
                                      "name,population\nAndorra la Vella,22600\nCanillo,4400\n"
                                      "Encamp,11900\nEscaldes-Engordany,14800\n"
                                      "La Massana,10300\nOrdino,5000\nSant Julia de Loria,9400\n",
                                      -1, NULL));
  {
    g_auto (Run) run = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--population-table",
                                csv, "--json", NULL);
    JsonObject *population;

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "“Sant Julia de Loria”"));
    g_assert_nonnull (strstr (run.err, "“Sant Julià de Lòria”"));
    people = parse_object (run.out, p3);
    population = json_object_get_object_member (people, "population");
    /* The sample's buildings give storeys: spread over floor area. */
    g_assert_cmpstr (json_object_get_string_member (population, "method"), ==, "table-floor-area");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (population, "placed")
                                        + json_object_get_double_member (population, "unplaced"),
                                    22600 + 4400 + 11900 + 14800 + 10300 + 5000, 0.5);
  }
}

/* Next year's delivery: the park inventory again, one park moved 100 m.
 * The other edits stay; the moved park's is left out and said. */
static void
test_reimport (void)
{
  g_autofree char   *dir = gr_test_scratch_dir ();
  g_autofree char   *sample = g_build_filename (dir, "sample.gpkg", NULL);
  g_autofree char   *parks = g_build_filename (dir, "公园.shp", NULL);
  g_autofree char   *moved = g_build_filename (dir, "moved.shp", NULL);
  g_autofree char   *homes = g_build_filename (dir, "居住.shp", NULL);
  g_autofree char   *city = g_build_filename (dir, "city.gpkg", NULL);
  g_autofree char   *park_spec = g_strconcat ("park=", parks, NULL);
  g_autofree char   *home_spec = g_strconcat ("residential=", homes, NULL);
  const char        *export_parks[] = { "ogr2ogr", parks, sample, "park", NULL };
  const char        *export_homes[] = { "ogr2ogr", homes, sample, "residential", NULL };
  const char        *move[] = { "ogr2ogr",
                                "-dialect",
                                "sqlite",
                                "-sql",
                                "SELECT CASE WHEN ROWID = 4 THEN ST_Translate(geometry, 100, 0, 0) "
                                       "ELSE geometry END AS geometry, name FROM 公园",
                                moved,
                                parks,
                                NULL };
  const char *const *steps[] = { export_parks, export_homes };
  g_auto (Run) first = run_cli ("import", g_getenv ("GREENREACH_SAMPLE"), "-o", sample, NULL);
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_cmpint (first.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (g_spawn_sync (NULL, (char **) steps[i], NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_cmpint (status, ==, 0);
    }
  {
    g_auto (Run) import = run_cli ("import", park_spec, home_spec, "-o", city, NULL);
    g_auto (Run) create = run_cli ("scenario", "create", city, "A", NULL);
    g_auto (Run) r3 = run_cli ("scenario", "remove", city, "A", "--feature", "park:3", NULL);
    g_auto (Run) r5 = run_cli ("scenario", "remove", city, "A", "--feature", "park:5", NULL);
    g_auto (Run) target = run_cli ("targets", city, "park_per_capita", "9", NULL);
    g_auto (Run) same = run_cli ("reimport", city, NULL);
    g_auto (Run) list = run_cli ("scenario", "list", city, NULL);

    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpint (r5.status, ==, 0);
    /* The same delivery again: nothing changes, nothing is said. */
    g_assert_cmpint (same.status, ==, 0);
    g_assert_null (strstr (same.err, "left out"));
    g_assert_nonnull (strstr (list.out, "2 of 2 edits"));
  }
  /* The fifth park (record 4) moved 100 m east, put where the old file was. */
  g_assert_true (g_spawn_sync (NULL, (char **) move, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_cmpint (status, ==, 0);
  for (const char *const *ext = (const char *const[]){ "shp", "shx", "dbf", "prj", NULL }; *ext;
       ext++)
    {
      g_autofree char *from = g_strdup_printf ("%s/moved.%s", dir, *ext);
      g_autofree char *to = g_strdup_printf ("%s/公园.%s", dir, *ext);

      g_assert_cmpint (g_rename (from, to), ==, 0);
    }
  {
    g_auto (Run) again = run_cli ("reimport", city, NULL);
    g_auto (Run) list = run_cli ("scenario", "list", city, NULL);
    g_auto (Run) targets = run_cli ("indicators", city, "--targets", "project", "--json", NULL);

    g_assert_cmpint (again.status, ==, 0);
    g_assert_nonnull (strstr (again.err, "1 changed shape"));
    g_assert_nonnull (strstr (again.err, "park no. 5"));
    g_assert_nonnull (strstr (again.err, "left out"));
    g_assert_null (strstr (again.err, "park no. 3"));
    /* The edit of the unmoved park is kept; the project's target too. */
    g_assert_nonnull (strstr (list.out, "1 of 1 edits"));
    g_assert_nonnull (strstr (targets.out, "\"target\" : 9"));
  }
  /* A project not made by an import with a recipe says so. */
  {
    const char *strip[] = { "ogrinfo", city, "-sql", "DELETE FROM gr_meta WHERE key = 'recipe'",
                            NULL };
    g_auto (Run) none = { 0 };

    /* Its "INFO: Open of …" is not for the TAP stream. */
    g_assert_true (g_spawn_sync (NULL, (char **) strip, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                                 NULL, &status, &error));
    none = run_cli ("reimport", city, NULL);
    g_assert_cmpint (none.status, ==, 1);
    g_assert_nonnull (strstr (none.err, "recipe"));
  }
}

static void
test_exact_flag (void)
{
  g_auto (Run) run = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", "--exact", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;

  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (run.out, parser);
  g_assert_true (json_object_get_boolean_member (o, "exact"));
  assert_summary_shape (o);
}

static void
test_exit_codes (void)
{
  g_autofree char *corrupt =
      g_test_build_filename (G_TEST_DIST, "data", "bad-input", "pyshp_corrupt_too_long.shp", NULL);
  g_autofree char *spec = g_strconcat ("residential=", corrupt, NULL);
  struct
  {
    int         status;
    const char *args[6];
    const char *in_err;
  } cases[] = {
    { 2, { NULL }, "Usage" },
    { 2, { "frobnicate", NULL }, "frobnicate" },
    { 2, { "analyze", NULL }, NULL },
    { 2, { "analyze", "--no-such-option", "x.osm.pbf", NULL }, "no-such-option" },
    { 2, { "analyze", g_getenv ("GREENREACH_SAMPLE"), "--resolution", "0", NULL }, "--resolution" },
    { 2, { "analyze", "lawn=x.shp", NULL }, "lawn=x.shp" },
    { 2, { "import", g_getenv ("GREENREACH_SAMPLE"), NULL }, "-o" },
    { 1, { "analyze", "missing.osm.pbf", NULL }, "missing.osm.pbf" },
    { 1, { "analyze", "missing.gpkg", NULL }, "missing.gpkg" },
    { 1, { "analyze", spec, NULL }, "pyshp_corrupt_too_long.shp" },
    { 0, { "--version", NULL }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;
      g_auto (Run) run = run_cli (a[0], a[0] ? a[1] : NULL, a[0] && a[1] ? a[2] : NULL,
                                  a[0] && a[1] && a[2] ? a[3] : NULL, NULL);

      g_test_message ("case %u: status %d, stderr: %s", i, run.status, run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (cases[i].in_err != NULL)
        g_assert_nonnull (strstr (run.err, cases[i].in_err));
    }
}

static void
test_chinese_table (void)
{
  const char *zh[] = { "LC_ALL", "zh_CN.UTF-8", "LANGUAGE", "zh_CN", NULL };
  const char *en[] = { "LC_ALL", "C.UTF-8", "LANGUAGE", "", NULL };
  g_auto (Run) chinese = run_cli_env (zh, "analyze", g_getenv ("GREENREACH_SAMPLE"), NULL);
  g_auto (Run) english = run_cli_env (en, "analyze", g_getenv ("GREENREACH_SAMPLE"), NULL);
  g_auto (Run) error = run_cli_env (zh, "analyze", "missing.osm.pbf", NULL);

  g_assert_cmpint (chinese.status, ==, 0);
  g_assert_nonnull (strstr (chinese.out, "居住用地"));
  g_assert_nonnull (strstr (chinese.out, "公园绿地服务半径覆盖率"));
  g_assert_nonnull (strstr (english.out, "Residential land"));
  g_assert_nonnull (strstr (english.out, "Park service-radius coverage rate"));
  g_assert_nonnull (strstr (error.err, "missing.osm.pbf"));
  g_assert_null (strstr (error.err, "no such file"));
}

static void
test_walking_json (void)
{
  g_auto (Run) walking =
      run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", "--mode", "walking", NULL);
  g_auto (Run) straight = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", NULL);
  g_auto (Run) far =
      run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--json", "--mode", "walking",
               "--attach-distance", "200", "--access-distance", "60", "--snap", "3", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  JsonObject *w, *s, *f, *network, *unattached;
  JsonArray  *unreachable;

  g_assert_cmpint (walking.status, ==, 0);
  w = parse_object (walking.out, p1);
  s = parse_object (straight.out, p2);
  f = parse_object (far.out, p3);
  g_assert_cmpstr (json_object_get_string_member (w, "mode"), ==, "walking");
  assert_summary_shape (w);
  network = json_object_get_object_member (w, "network");
  g_assert_cmpint (json_object_get_int_member (network, "nodes"), >, 10000);
  g_assert_cmpint (json_object_get_int_member (network, "edges"), >, 10000);
  g_assert_cmpint (json_object_get_int_member (network, "components"), >=, 1);
  g_assert_true (json_object_has_member (network, "dangling_ends"));
  unreachable = json_object_get_array_member (w, "unreachable");
  g_assert_nonnull (unreachable);
  for (guint i = 0; i < json_array_get_length (unreachable); i++)
    {
      JsonObject *u = json_array_get_object_element (unreachable, i);
      g_assert_cmpint (json_object_get_int_member (u, "id"), >, 0);
      g_assert_true (json_object_has_member (u, "name"));
      g_assert_true (g_str_equal (json_object_get_string_member (u, "role"), "green")
                     || g_str_equal (json_object_get_string_member (u, "role"), "park"));
    }
  unattached = json_object_get_object_member (w, "unattached");
  g_assert_cmpfloat (json_object_get_double_member (unattached, "area_m2"), >=, 0);
  /* Walking never beats the straight line; wider reach never loses. */
  g_assert_cmpfloat (member (w, "green", "area_m2"), <=, member (s, "green", "area_m2"));
  g_assert_cmpfloat (member (w, "park", "area_m2"), <=, member (s, "park", "area_m2"));
  g_assert_cmpfloat (member (f, "green", "area_m2"), >=, member (w, "green", "area_m2"));
  g_assert_cmpfloat (
      json_object_get_double_member (json_object_get_object_member (f, "unattached"), "area_m2"),
      <=, json_object_get_double_member (unattached, "area_m2"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (f, "unreachable")), <=,
                    json_array_get_length (unreachable));
  g_assert_false (json_object_has_member (s, "network"));
}

static void
test_walking_usage (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *parks = g_build_filename (dir, "parks.geojson", NULL);
  g_autofree char *homes = g_build_filename (dir, "homes.geojson", NULL);
  g_autofree char *park_spec = g_strconcat ("park=", parks, NULL);
  g_autofree char *home_spec = g_strconcat ("residential=", homes, NULL);
  const char      *square = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                            "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                            "[[[1.5,42.5],[1.5,42.51],[1.51,42.51],[1.51,42.5],[1.5,42.5]]]}}]}";

  g_assert_true (g_file_set_contents (parks, square, -1, NULL));
  g_assert_true (g_file_set_contents (homes, square, -1, NULL));
  {
    g_auto (Run) bad_mode =
        run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--mode", "cycling", NULL);
    g_auto (Run) exact =
        run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--mode", "walking", "--exact", NULL);
    g_auto (Run) negative = run_cli ("analyze", g_getenv ("GREENREACH_SAMPLE"), "--mode", "walking",
                                     "--attach-distance", "-5", NULL);
    g_auto (Run) no_paths = run_cli ("analyze", park_spec, home_spec, "--mode", "walking", NULL);

    g_assert_cmpint (bad_mode.status, ==, 2);
    g_assert_nonnull (strstr (bad_mode.err, "cycling"));
    g_assert_cmpint (exact.status, ==, 2);
    g_assert_nonnull (strstr (exact.err, "--exact"));
    g_assert_cmpint (negative.status, ==, 2);
    g_assert_cmpint (no_paths.status, ==, 1);
    g_assert_nonnull (strstr (no_paths.err, "walk"));
  }
}

/* Scenarios scripted from the shell: every command, the analysis of a
 * scenario against the baseline, the export other tools open. */
static void
test_scenarios (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "monaco.gpkg", NULL);
  g_autofree char *out = g_build_filename (dir, "方案A.gpkg", NULL);
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  JsonObject *base, *a, *exported;

  {
    g_auto (Run) import = run_cli ("import", osm, "-o", gpkg, NULL);
    g_auto (Run) create = run_cli ("scenario", "create", gpkg, "方案A", NULL);
    g_auto (Run) again = run_cli ("scenario", "create", gpkg, "方案A", NULL);
    /* A 1.2 ha park in the middle of Monaco's homes, and a pocket park. */
    g_auto (Run) big = run_cli ("scenario", "add-park", gpkg, "方案A", "--at", "7.4210,43.7385",
                                "--lonlat", "--area", "12000", "--park-name", "新园", NULL);
    g_auto (Run) pocket = run_cli ("scenario", "add-park", gpkg, "方案A", "--at", "7.4250,43.7400",
                                   "--lonlat", "--circle", NULL);
    g_auto (Run) remove =
        run_cli ("scenario", "remove", gpkg, "方案A", "--feature", "green:1", NULL);
    g_auto (Run) undo = run_cli ("scenario", "undo", gpkg, "方案A", NULL);
    g_auto (Run) copy = run_cli ("scenario", "create", gpkg, "B", "--from", "方案A", NULL);
    g_auto (Run) rename = run_cli ("scenario", "rename", gpkg, "B", "方案B", NULL);
    g_auto (Run) list = run_cli ("scenario", "list", gpkg, NULL);

    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpint (create.status, ==, 0);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_nonnull (strstr (again.err, "方案A"));
    g_assert_cmpint (big.status, ==, 0);
    g_assert_nonnull (strstr (big.out, "新园"));
    g_assert_cmpint (pocket.status, ==, 0);
    g_assert_cmpint (remove.status, ==, 0);
    g_assert_cmpint (undo.status, ==, 0);
    g_assert_cmpint (copy.status, ==, 0);
    g_assert_cmpint (rename.status, ==, 0);
    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.out, "方案A\t2 of 3 edits\t2 candidate parks"));
    g_assert_nonnull (strstr (list.out, "方案B"));
  }
  {
    g_auto (Run) r0 = run_cli ("analyze", gpkg, "--json", NULL);
    g_auto (Run) r1 = run_cli ("analyze", gpkg, "--scenario", "方案A", "--json", NULL);
    g_auto (Run) export = run_cli ("scenario", "export", gpkg, "方案A", "-o", out, NULL);
    g_auto (Run) r2 = run_cli ("analyze", out, "--json", NULL);

    g_assert_cmpint (r1.status, ==, 0);
    base = parse_object (r0.out, p1);
    a = parse_object (r1.out, p2);
    g_assert_true (json_object_get_null_member (base, "scenario"));
    g_assert_cmpstr (json_object_get_string_member (a, "scenario"), ==, "方案A");
    /* The new 1.2 ha park brings homes within 500 m of a park. */
    g_assert_cmpfloat (member (a, "park", "area_m2"), >, member (base, "park", "area_m2"));
    g_assert_cmpfloat (member (a, "residential", "area_m2"), ==,
                       member (base, "residential", "area_m2"));
    assert_summary_shape (a);
    /* The export is the scenario's data: the same figures, read afresh. */
    g_assert_cmpint (export.status, ==, 0);
    exported = parse_object (r2.out, p3);
    g_assert_cmpfloat (member (exported, "park", "area_m2"), ==, member (a, "park", "area_m2"));
    g_assert_cmpfloat (member (exported, "neither", "area_m2"), ==,
                       member (a, "neither", "area_m2"));
  }
  {
    g_auto (Run) compare = run_cli ("scenario", "compare", gpkg, "方案A", "baseline", NULL);
    g_auto (Run) same = run_cli ("scenario", "compare", gpkg, "方案A", "方案B", NULL);

    g_assert_cmpint (compare.status, ==, 0);
    g_test_message ("%s", compare.out);
    g_assert_nonnull (strstr (compare.out, "Park within 500 m"));
    g_assert_nonnull (strstr (compare.out, "Newly covered homes"));
    g_assert_null (strstr (compare.out, "方案A only 0.00 ha"));
    /* One column per option and one difference: the baseline once. */
    g_assert_cmpuint (count_substrings (compare.out, "Baseline"), ==, 1);
    g_assert_cmpuint (count_substrings (compare.out, "方案A − baseline"), ==, 1);
    g_assert_null (strstr (compare.out, "B−A"));
    assert_table_aligned (compare.out);
    assert_table_aligned (same.out);
    /* 方案B is a copy of 方案A: nothing between them, all gains shared. */
    g_assert_nonnull (strstr (same.out, "方案A only 0.00 ha, 方案B only 0.00 ha"));
  }
  {
    g_auto (Run) missing = run_cli ("analyze", gpkg, "--scenario", "方案Z", NULL);
    g_auto (Run) osm_scenario = run_cli ("analyze", osm, "--scenario", "方案A", NULL);
    g_auto (Run) bad_feature =
        run_cli ("scenario", "remove", gpkg, "方案A", "--feature", "water:1", NULL);
    g_auto (Run) no_feature =
        run_cli ("scenario", "remove", gpkg, "方案A", "--feature", "park:9999", NULL);
    g_auto (Run) bad_at = run_cli ("scenario", "add-park", gpkg, "方案A", "--at", "east", NULL);
    g_auto (Run) not_project = run_cli ("scenario", "list", osm, NULL);
    g_auto (Run) unknown = run_cli ("scenario", "paint", gpkg, "方案A", NULL);

    g_assert_cmpint (missing.status, ==, 1);
    g_assert_nonnull (strstr (missing.err, "方案Z"));
    g_assert_cmpint (osm_scenario.status, ==, 2);
    g_assert_cmpint (bad_feature.status, ==, 2);
    g_assert_cmpint (no_feature.status, ==, 1);
    g_assert_nonnull (strstr (no_feature.err, "9999"));
    g_assert_cmpint (bad_at.status, ==, 2);
    g_assert_cmpint (not_project.status, ==, 1);
    g_assert_cmpint (unknown.status, ==, 2);
  }
  gr_test_remove_tree (dir);
}

static void
write_layer (const char *dir, const char *name, const char *features)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.geojson", dir, name);
  g_autofree char *text = g_strdup_printf (
      "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
      "\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[%s]}",
      features);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* A polygon feature in the town's frame (metres east and north of a point
 * in CGCS2000 / 3-degree GK CM 114E). */
static char *
square (double x0, double y0, double x1, double y1, const char *properties)
{
  const double e = 500000, n = 3400000;

  return g_strdup_printf (
      "{\"type\":\"Feature\",\"properties\":{%s},\"geometry\":{\"type\":\"Polygon\","
      "\"coordinates\":[[[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f]]]}}",
      properties, e + x0, n + y0, e + x1, n + y0, e + x1, n + y1, e + x0, n + y1, e + x0, n + y0);
}

/* The town of test-indicators.c, imported from files: the figures come
 * out as on paper, in the three formats. */
static void
test_indicators (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "town.gpkg", NULL);
  g_autofree char *all = square (0, 0, 1000, 1000, "");
  g_autofree char *pop = square (0, 0, 1000, 1000, "\"population\":10000");
  g_autofree char *west = square (0, 0, 500, 1000, "\"name\":\"West\"");
  g_autofree char *east = square (500, 0, 1000, 1000, "\"name\":\"East\"");
  g_autofree char *p1 =
      square (100, 100, 300, 200, "\"name\":\"People's Park\",\"class\":\"G11 disaster\"");
  g_autofree char *p2 = square (100, 600, 150, 620, "\"class\":\"G14\"");
  g_autofree char *p3 = square (700, 700, 800, 800, "\"class\":\"G12\"");
  g_autofree char *parks = g_strdup_printf ("%s,%s,%s", p1, p2, p3);
  g_autofree char *zones = g_strdup_printf ("%s,%s", west, east);
  g_autofree char *nursery = square (800, 0, 1000, 100, "");
  const char      *greenway =
      "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\","
      "\"coordinates\":[[500000,3400500],[501000,3400500]]}}";
  const char *roles[] = { "residential", "population", "zones",  "park",
                          "greenway",    "builtup",    "nursery" };
  g_autoptr (GPtrArray) specs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonParser) parser = json_parser_new ();

  write_layer (dir, "residential", all);
  write_layer (dir, "population", pop);
  write_layer (dir, "zones", zones);
  write_layer (dir, "park", parks);
  write_layer (dir, "greenway", greenway);
  write_layer (dir, "builtup", all);
  write_layer (dir, "nursery", nursery);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    g_ptr_array_add (specs, g_strdup_printf ("%s=%s/%s.geojson", roles[i], dir, roles[i]));
  {
    g_auto (Run) import =
        run_cli ("import", specs->pdata[0], specs->pdata[1], specs->pdata[2], specs->pdata[3],
                 specs->pdata[4], specs->pdata[5], specs->pdata[6], "-o", gpkg, NULL);
    g_assert_cmpint (import.status, ==, 0);
  }
  {
    g_auto (Run) json = run_cli ("indicators", gpkg, "--json", NULL);
    JsonObject *root, *city;
    JsonArray  *items, *zone_list;

    g_assert_cmpint (json.status, ==, 0);
    root = parse_object (json.out, parser);
    g_assert_cmpstr (json_object_get_string_member (root, "targets"), ==, "yuncheng-2025");
    g_assert_true (json_object_get_boolean_member (root, "builtup_boundary"));
    city = json_object_get_object_member (root, "city");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (city, "population"), 10000,
                                    1e-6);
    items = json_object_get_array_member (city, "indicators");
    g_assert_cmpuint (json_array_get_length (items), ==, N_INDICATORS);
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *it = json_array_get_object_element (items, i);
        const char *key = json_object_get_string_member (it, "key");

        /* Each says what it divides by what. */
        g_assert_nonnull (strstr (json_object_get_string_member (it, "definition"), "÷"));
        if (g_str_equal (key, "park_per_capita"))
          {
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (it, "value"), 3.1, 1e-6);
            g_assert_false (json_object_get_boolean_member (it, "pass"));
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (it, "gap"), 9.9, 1e-6);
          }
        else if (g_str_equal (key, "greenway_per_10k"))
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (it, "value"), 1.0, 1e-6);
        else if (g_str_equal (key, "nursery_share"))
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (it, "value"), 2.0, 1e-6);
        /* The greenway crosses the town: every home is within 1 km. */
        else if (g_str_equal (key, "greenway_service_rate"))
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (it, "value"), 100, 1e-6);
        /* No corridor, no trees, no age groups: said, not a number. */
        else if (g_str_equal (key, "corridor_compliance") || g_str_equal (key, "shaded_roads")
                 || g_str_equal (key, "service_radius_children"))
          {
            g_assert_true (json_object_get_null_member (it, "value"));
            g_assert_nonnull (json_object_get_string_member (it, "missing"));
          }
      }
    /* Priority areas, the most residents left out first: the north-west
     * and south-east corners are beyond 300 m of green and 500 m of a
     * park; the town has no sites layer to name a site from. */
    {
      JsonArray  *areas = json_object_get_array_member (root, "priority_areas");
      JsonObject *first;

      g_assert_cmpuint (json_array_get_length (areas), ==, 2);
      first = json_array_get_object_element (areas, 0);
      g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
      g_assert_cmpfloat (json_object_get_double_member (first, "residents"), >, 0);
      g_assert_true (json_object_get_null_member (first, "nearest_site"));

      for (guint i = 1; i < json_array_get_length (areas); i++)
        g_assert_cmpfloat (
            json_object_get_double_member (json_array_get_object_element (areas, i - 1),
                                           "residents"),
            >=,
            json_object_get_double_member (json_array_get_object_element (areas, i), "residents"));
    }
    /* The zones stand in for life circles. */
    g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (city, "life_circles"), "from"),
                     ==, "zones");
    g_assert_cmpint (
        json_object_get_int_member (json_object_get_object_member (
                                        json_object_get_object_member (city, "park_system"), "G11"),
                                    "count"),
        ==, 1);
    zone_list = json_object_get_array_member (root, "zones");
    g_assert_cmpuint (json_array_get_length (zone_list), ==, 2);
    g_assert_nonnull (strstr (json_object_get_string_member (city, "system_check"), "East lacks"));
    /* One greenway, whole: no gaps. */
    g_assert_cmpint (
        json_object_get_int_member (json_object_get_object_member (root, "greenways"), "networks"),
        ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                          json_object_get_object_member (root, "greenways"), "gaps")),
                      ==, 0);
    /* Coordinates name their CRS. */
    g_assert_true (
        g_str_has_prefix (json_object_get_string_member (root, "coordinates_crs"), "EPSG:"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "corridors")), ==,
                      0);
  }
  {
    g_auto (Run) csv = run_cli ("indicators", gpkg, "--csv", "--targets", "gb55014-2021", NULL);
    g_auto (GStrv) lines = g_strsplit (csv.out, "\n", -1);

    g_assert_cmpint (csv.status, ==, 0);
    /* A header, every indicator for the city and each of 2 zones, a final newline. */
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 * N_INDICATORS + 1);
    g_assert_cmpstr (lines[0], ==, "scope,indicator,value,unit,target,result,gap,note,population");
    g_assert_true (
        g_str_has_prefix (lines[1], "\"city\",park_per_capita,3.1,\"m2/person\",>8,fail,4.9,"));
  }
  /* The project's own targets, kept in its file. */
  {
    g_auto (Run) set = run_cli ("targets", gpkg, "park_per_capita", "3.0", NULL);
    g_auto (Run) json = run_cli ("indicators", gpkg, "--targets", "project", "--json", NULL);
    g_auto (Run) strict = run_cli ("targets", gpkg, "park_per_capita", "3.1", "--strict", NULL);
    g_auto (Run) json2 = run_cli ("indicators", gpkg, "--targets", "project", "--json", NULL);
    g_auto (Run) bad_key = run_cli ("targets", gpkg, "happiness", "3", NULL);
    g_auto (Run) bad_value = run_cli ("targets", gpkg, "park_per_capita", "lots", NULL);
    g_autoptr (JsonParser) j1 = json_parser_new ();
    g_autoptr (JsonParser) j2 = json_parser_new ();
    JsonObject *first, *second;

    g_assert_cmpint (set.status, ==, 0);
    g_assert_nonnull (strstr (set.out, "park_per_capita\t>= 3"));
    g_assert_cmpint (strict.status, ==, 0);
    g_assert_nonnull (strstr (strict.out, "park_per_capita\t> 3.1"));
    first = json_array_get_object_element (
        json_object_get_array_member (
            json_object_get_object_member (parse_object (json.out, j1), "city"), "indicators"),
        0);
    second = json_array_get_object_element (
        json_object_get_array_member (
            json_object_get_object_member (parse_object (json2.out, j2), "city"), "indicators"),
        0);
    /* 3.1 m²/person reaches 3.0, but does not exceed 3.1. */
    g_assert_true (json_object_get_boolean_member (first, "pass"));
    g_assert_false (json_object_get_boolean_member (second, "pass"));
    g_assert_cmpint (bad_key.status, ==, 2);
    g_assert_cmpint (bad_value.status, ==, 2);
  }
  {
    g_auto (Run) table = run_cli ("indicators", gpkg, NULL);
    g_auto (Run) bad = run_cli ("indicators", gpkg, "--targets", "shanghai", NULL);
    g_auto (Run) both = run_cli ("indicators", gpkg, "--json", "--csv", NULL);

    g_assert_cmpint (table.status, ==, 0);
    g_assert_nonnull (strstr (table.out, "NOT MET"));
    g_assert_nonnull (strstr (table.out, "inside the built-up boundary"));
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_cmpint (both.status, ==, 2);
  }
  gr_test_remove_tree (dir);
}

/* basemap: a real extract into an MBTiles file with the tile count and
 * throughput in JSON; a second run over it replaces it whole; usage and
 * data errors name what is wrong. */
static void
test_basemap (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *out = g_build_filename (dir, "monaco.mbtiles", NULL);
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  g_autofree char *bad =
      g_test_build_filename (G_TEST_DIST, "data", "bad-input", "pyshp_corrupt_too_long.dbf", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;

  {
    g_auto (Run) run = run_cli ("basemap", osm, "-o", out, "--zoom", "12-14", "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
    o = parse_object (run.out, parser);
    g_assert_cmpint (json_object_get_int_member (o, "tiles"), >, 10);
    g_assert_cmpint (json_object_get_int_member (o, "min_zoom"), ==, 12);
    g_assert_cmpint (json_object_get_int_member (o, "max_zoom"), ==, 14);
    g_assert_cmpfloat (json_object_get_double_member (o, "tiles_per_second"), >, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto (Run) run = run_cli ("basemap", osm, "-o", out, "--zoom", "13", "--bbox",
                                "7.41,43.72,7.44,43.75", NULL);
    g_autofree char *part = g_strconcat (out, ".part", NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "zoom 13–13"));
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  {
    g_auto (Run) run = run_cli ("basemap", osm, "-o", out, "--zoom", "17-12", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--zoom"));
  }
  {
    g_auto (Run) run = run_cli ("basemap", osm, "-o", out, "--bbox", "7.5,43,7.4,44", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--bbox"));
  }
  {
    g_auto (Run) run = run_cli ("basemap", bad, "-o", out, NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "pyshp_corrupt_too_long.dbf"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/analyze/json-shape", test_json_shape);
  g_test_add_func ("/cli/analyze/options", test_options_change_results);
  g_test_add_func ("/cli/analyze/rules-file", test_rules_file);
  g_test_add_func ("/cli/analyze/exact", test_exact_flag);
  g_test_add_func ("/cli/import/project-file", test_import_then_analyze);
  g_test_add_func ("/cli/import/bureau-inputs", test_bureau_inputs);
  g_test_add_func ("/cli/import/unused-options", test_unused_import_options);
  g_test_add_func ("/cli/import/reimport", test_reimport);
  g_test_add_func ("/cli/exit-codes", test_exit_codes);
  g_test_add_func ("/cli/chinese", test_chinese_table);
  g_test_add_func ("/cli/walking/json", test_walking_json);
  g_test_add_func ("/cli/walking/usage", test_walking_usage);
  g_test_add_func ("/cli/scenarios", test_scenarios);
  g_test_add_func ("/cli/indicators", test_indicators);
  g_test_add_func ("/cli/basemap", test_basemap);
  return g_test_run ();
}
