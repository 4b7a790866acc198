/* test-report.c — greenreach-cli report and render, read back with
 * poppler's tools (pdfinfo, pdftotext, pdffonts, pdftoppm) and cairo */
#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "gr-test-run.h"
#include "gr-test-util.h"

#include <math.h>
#include <string.h>

/* Chinese: the report's language follows the locale. */
static const char *const chinese_env[] = { "LANGUAGE", "zh_CN", "LC_ALL", "zh_CN.UTF-8", NULL };

#define run_cli(chinese, ...) run_cli_env ((chinese) ? chinese_env : NULL, __VA_ARGS__)

static guint
page_count (const char *pdf)
{
  g_auto (Run) info = run_tool ("pdfinfo", pdf, NULL);
  const char *at;

  g_assert_cmpint (info.status, ==, 0);
  at = strstr (info.out, "Pages:");
  g_assert_nonnull (at);
  return (guint) g_ascii_strtoull (at + strlen ("Pages:") + strspn (at + strlen ("Pages:"), " "),
                                   NULL, 10);
}

/* The PDF's text, pages split at form feeds. */
static char **
pages_text (const char *pdf)
{
  g_auto (Run) text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);

  g_assert_cmpint (text.status, ==, 0);
  return g_strsplit (text.out, "\f", -1);
}

typedef gboolean (*ColourTest) (int r, int g, int b);

/* The pixels of a PNG that pass @test. */
static guint
count_pixels (const char *png, ColourTest test)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  guint            count = 0;
  int              w, h, stride;
  guint8          *data;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image), data = cairo_image_surface_get_data (image);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + 4 * x);

        count += test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
      }
  cairo_surface_destroy (image);
  return count;
}

/* The blind-spot colours — Okabe–Ito orange (230, 159, 0) at 70 %, no
 * park within 500 m, and a dark vermillion (180, 70, 0) at 95 %, neither —
 * over light ground, allowing for the base map under them. */
static gboolean
is_blind_spot (int r, int g, int b)
{
  return r > 170 && b < 90 && g > 60 && g < 200 && r - g > 40 && g - b > 40;
}

static guint
blind_spot_pixels (const char *png)
{
  return count_pixels (png, is_blind_spot);
}

typedef struct
{
  char *dir;
  char *gpkg;
} Fixture;

/* Monaco with a scenario adding a 1.2 ha park among the homes. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);

  (void) data;
  f->dir = gr_test_scratch_dir ();
  f->gpkg = g_build_filename (f->dir, "monaco.gpkg", NULL);
  {
    g_auto (Run) import = run_cli (FALSE, "import", osm, "-o", f->gpkg, NULL);
    g_auto (Run) create = run_cli (FALSE, "scenario", "create", f->gpkg, "方案A", NULL);
    g_auto (Run) add =
        run_cli (FALSE, "scenario", "add-park", f->gpkg, "方案A", "--at", "7.4210,43.7385",
                 "--lonlat", "--area", "12000", "--park-name", "新园", NULL);

    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpint (create.status, ==, 0);
    g_assert_cmpint (add.status, ==, 0);
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  (void) data;
  gr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->gpkg);
}

static char *
line_with (char **pages, const char *a, const char *b, const char *c)
{
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (strstr (lines[i], a) != NULL && (b == NULL || strstr (lines[i], b) != NULL)
            && (c == NULL || strstr (lines[i], c) != NULL))
          return g_strdup (lines[i]);
    }
  return NULL;
}

/* The report in Chinese: its pages, its fonts, its indicator names, and
 * figures equal to those of `indicators --json` for the same scenario. */
static void
test_report_chinese (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "报告.pdf", NULL);
  g_autoptr (JsonParser) base_parser = json_parser_new ();
  g_autoptr (JsonParser) scenario_parser = json_parser_new ();
  g_auto (GStrv) pages = NULL;
  JsonArray *base_items, *scenario_items;
  guint      checked = 0;

  (void) data;
  {
    g_auto (Run) report = run_cli (TRUE, "report", f->gpkg, "--scenario", "方案A", "-o", pdf, NULL);
    g_auto (Run) base = run_cli (TRUE, "indicators", f->gpkg, "--json", NULL);
    g_auto (Run) scenario =
        run_cli (TRUE, "indicators", f->gpkg, "--scenario", "方案A", "--json", NULL);

    g_assert_cmpint (report.status, ==, 0);
    g_assert_cmpint (base.status, ==, 0);
    g_assert_cmpint (scenario.status, ==, 0);
    g_assert_true (json_parser_load_from_data (base_parser, base.out, -1, NULL));
    g_assert_true (json_parser_load_from_data (scenario_parser, scenario.out, -1, NULL));
  }
  base_items = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (base_parser)),
                                     "city"),
      "indicators");
  scenario_items = json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (scenario_parser)),
                                     "city"),
      "indicators");
  /* Cover, a map for the baseline and for 方案A, then tables and chart. */
  g_assert_cmpuint (page_count (pdf), >=, 6);
  pages = pages_text (pdf);
  g_assert_nonnull (strstr (pages[0], "monaco.gpkg"));
  g_assert_nonnull (strstr (pages[0], "OpenStreetMap"));
  g_assert_nonnull (strstr (pages[0], "方案A"));
  /* Every indicator by its Chinese name; the comparison row carries the
   * baseline's value, the scenario's and the change, as the JSON has them. */
  for (guint i = 0; i < json_array_get_length (scenario_items); i++)
    {
      JsonObject      *b = json_array_get_object_element (base_items, i);
      JsonObject      *s = json_array_get_object_element (scenario_items, i);
      const char      *name = json_object_get_string_member (s, "name");
      g_autofree char *any = line_with (pages, name, NULL, NULL);

      g_assert_nonnull (any);
      g_assert_false (g_str_is_ascii (name)); /* Chinese, not English */
      if (!json_node_is_null (json_object_get_member (s, "value")))
        {
          double bv = json_object_get_double_member (b, "value"),
                 sv = json_object_get_double_member (s, "value");
          g_autofree char *bt = g_strdup_printf ("%.2f", bv);
          g_autofree char *st = g_strdup_printf ("%.2f", sv);
          /* A change that rounds to nothing is "0", never "-0.00". */
          g_autofree char *dt = round (fabs (sv - bv) * 100) == 0
                                    ? g_strdup ("0")
                                    : g_strdup_printf ("%+.2f", sv - bv);
          g_autofree char *row = line_with (pages, name, st, dt);

          g_assert_nonnull (row);
          g_assert_nonnull (strstr (row, bt));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 3);
  /* The appendix says how each indicator is measured: its definition
   * (its first words, before the line wraps) beside its name. */
  for (guint i = 0; i < json_array_get_length (base_items); i++)
    {
      JsonObject      *it = json_array_get_object_element (base_items, i);
      const char      *definition = json_object_get_string_member (it, "definition");
      g_autofree char *start = g_utf8_substring (definition, 0, 8);
      g_autofree char *line = line_with (pages, start, NULL, NULL);

      g_assert_false (g_str_is_ascii (definition));
      if (line == NULL)
        g_error ("the appendix lacks “%s”", definition);
    }
  /* Priority areas and life circles have their tables. */
  {
    g_autofree char *priorities = line_with (pages, "优先", NULL, NULL);
    g_autofree char *circles = line_with (pages, "生活圈（GB 50180-2018）：", NULL, NULL);

    g_assert_nonnull (priorities);
    g_assert_nonnull (circles);
  }
  /* The candidate park with its area and its review flag (≥ 5,000 m²). */
  {
    g_autofree char *row = line_with (pages, "新园", NULL, NULL);

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (row, "1200"));
  }
  /* Every font is embedded, a Chinese one among them. */
  {
    g_auto (Run) fonts = run_tool ("pdffonts", pdf, NULL);
    g_auto (GStrv) lines = g_strsplit (fonts.out, "\n", -1);
    guint n = 0;

    g_assert_cmpint (fonts.status, ==, 0);
    for (guint i = 2; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        {
          g_assert_nonnull (strstr (lines[i], " yes "));
          n++;
        }
    g_assert_cmpuint (n, >=, 1);
    g_assert_true (strstr (fonts.out, "WenQuanYi") != NULL || strstr (fonts.out, "CJK") != NULL
                   || strstr (fonts.out, "Han") != NULL);
  }
}

/* The candidate parks' reddish purple (Okabe–Ito, 204, 121, 167 at 80 %). */
static gboolean
is_candidate (int r, int g, int b)
{
  return r > 180 && r < 225 && g > 105 && g < 155 && b > 145 && b < 195;
}

static guint
candidate_pixels (const char *png)
{
  return count_pixels (png, is_candidate);
}

/* The map pages show the blind spots, the cover's overview too; the
 * option's new park has a page of its own, framed on it. */
static void
test_report_map_pages (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *prefix = g_build_filename (f->dir, "page", NULL);
  g_autofree char *cover = g_build_filename (f->dir, "page-1.png", NULL);
  g_autofree char *map = g_build_filename (f->dir, "page-3.png", NULL);
  g_autofree char *close = g_build_filename (f->dir, "page-4.png", NULL);
  g_auto (GStrv) pages = NULL;

  (void) data;
  {
    g_auto (Run) report = run_cli (FALSE, "report", f->gpkg, "--scenario", "方案A", "--paper", "A3",
                                   "--orientation", "portrait", "-o", pdf, NULL);
    g_auto (Run) info = run_tool ("pdfinfo", pdf, NULL);

    g_assert_cmpint (report.status, ==, 0);
    /* A3 portrait: 297 × 420 mm. */
    g_assert_nonnull (strstr (info.out, "841.89 x 1190.55"));
  }
  pages = pages_text (pdf);
  g_assert_nonnull (strstr (pages[2], "方案A"));
  g_assert_nonnull (strstr (pages[2], "5")); /* the scale bar's length */
  {
    g_auto (Run) ppm =
        run_tool ("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "4", pdf, prefix, NULL);

    g_assert_cmpint (ppm.status, ==, 0);
  }
  g_assert_cmpuint (blind_spot_pixels (cover), >, 20);
  g_assert_cmpuint (blind_spot_pixels (map), >, 100);
  /* Up close the 1.2 ha park fills far more of the page than on the map
   * of the whole city. */
  g_assert_nonnull (strstr (pages[3], "方案A"));
  /* Its caption says what the colours are: every home newly served. */
  g_assert_nonnull (strstr (pages[3], "newly served, coloured"));
  g_test_message ("candidate pixels: %u on the city map, %u up close", candidate_pixels (map),
                  candidate_pixels (close));
  g_assert_cmpuint (candidate_pixels (close), >, 2 * candidate_pixels (map));
  g_assert_cmpuint (candidate_pixels (close), >, 500);
}

/* A zone layer of 8 × 8 districts: the zone tables run over pages, the
 * header repeated on each. */
static void
test_report_many_zones (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "grid.gpkg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "grid.pdf", NULL);
  GString         *zones = g_string_new (NULL);
  g_auto (GStrv) pages = NULL;
  const char *crs =
      "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}}";
  guint        with_header = 0, continued = 0;
  const double e = 500000, n = 3400000;

  for (guint i = 0; i < 64; i++)
    {
      double x = e + (i % 8) * 250, y = n + (i / 8) * 250;

      g_string_append_printf (
          zones,
          "%s{\"type\":\"Feature\",\"properties\":{\"name\":\"District %02u\"},\"geometry\":"
          "{\"type\":\"Polygon\",\"coordinates\":[[[%.0f,%.0f],[%.0f,%.0f],[%.0f,%.0f],"
          "[%.0f,%.0f],[%.0f,%.0f]]]}}",
          i > 0 ? "," : "", i + 1, x, y, x + 250, y, x + 250, y + 250, x, y + 250, x, y);
    }
  {
    g_autofree char *zfile = g_build_filename (dir, "zones.geojson", NULL);
    g_autofree char *rfile = g_build_filename (dir, "residential.geojson", NULL);
    g_autofree char *pfile = g_build_filename (dir, "park.geojson", NULL);
    g_autofree char *ztext =
        g_strdup_printf ("{\"type\":\"FeatureCollection\",%s,\"features\":[%s]}", crs, zones->str);
    g_autofree char *rtext =
        g_strdup_printf ("{\"type\":\"FeatureCollection\",%s,\"features\":[{\"type\":\"Feature\","
                         "\"properties\":{},\"geometry\":"
                         "{\"type\":\"Polygon\",\"coordinates\":[[[%.0f,%.0f],[%.0f,%.0f],[%.0f,%."
                         "0f],[%.0f,%.0f],[%.0f,%.0f]]]}}]}",
                         crs, e, n, e + 2000, n, e + 2000, n + 2000, e, n + 2000, e, n);
    g_autofree char *ptext =
        g_strdup_printf ("{\"type\":\"FeatureCollection\",%s,\"features\":[{\"type\":\"Feature\","
                         "\"properties\":{\"name\":\"P\"},"
                         "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.0f,%.0f],[%.0f,%."
                         "0f],[%.0f,%.0f],[%.0f,%.0f],"
                         "[%.0f,%.0f]]]}}]}",
                         crs, e + 900, n + 900, e + 1100, n + 900, e + 1100, n + 1100, e + 900,
                         n + 1100, e + 900, n + 900);
    g_autofree char *zspec = g_strdup_printf ("zones=%s", zfile);
    g_autofree char *rspec = g_strdup_printf ("residential=%s", rfile);
    g_autofree char *pspec = g_strdup_printf ("park=%s", pfile);

    g_assert_true (g_file_set_contents (zfile, ztext, -1, NULL));
    g_assert_true (g_file_set_contents (rfile, rtext, -1, NULL));
    g_assert_true (g_file_set_contents (pfile, ptext, -1, NULL));
    {
      g_auto (Run) import = run_cli (FALSE, "import", rspec, pspec, zspec, "-o", gpkg, NULL);
      g_auto (Run) report = run_cli (FALSE, "report", gpkg, "--basemap", "none", "-o", pdf, NULL);

      g_assert_cmpint (import.status, ==, 0);
      g_assert_cmpint (report.status, ==, 0);
    }
  }
  pages = pages_text (pdf);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      if (strstr (pages[p], "Zones: Baseline") != NULL && strstr (pages[p], "Residents") != NULL)
        with_header++;
      if (strstr (pages[p], "Zones: Baseline (continued)") != NULL)
        continued++;
    }
  g_assert_cmpuint (with_header, >=, 2);
  g_assert_cmpuint (continued, ==, with_header - 1);
  for (guint i = 1; i <= 64; i++)
    {
      g_autofree char *name = g_strdup_printf ("District %02u", i);
      g_autofree char *row = line_with (pages, name, NULL, NULL);

      g_assert_nonnull (row);
    }
  g_string_free (zones, TRUE);
  gr_test_remove_tree (dir);
}

/* render: PNG at a chosen resolution with the blind spots, SVG, and
 * errors that name what is wrong. */
static void
test_render (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "map.txt", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-input",
                                                "node-mbtiles_corrupt.mbtiles", NULL);
  g_autofree char *svg_text = NULL;
  cairo_surface_t *image;

  (void) data;
  {
    g_auto (Run) run = run_cli (FALSE, "render", f->gpkg, "--scenario", "方案A", "--width", "640",
                                "--height", "400", "--dpi", "192", "-o", png, NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  cairo_surface_destroy (image);
  g_assert_cmpuint (blind_spot_pixels (png), >, 500);
  {
    g_auto (Run) run = run_cli (FALSE, "render", f->gpkg, "--bbox", "738000,4846000,740000,4848000",
                                "-o", svg, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
    g_assert_nonnull (strstr (svg_text, "<svg"));
  }
  {
    g_auto (Run) format = run_cli (FALSE, "render", f->gpkg, "-o", txt, NULL);
    g_auto (Run) bbox = run_cli (FALSE, "render", f->gpkg, "--bbox", "1,2,3", "-o", png, NULL);
    g_auto (Run) scenario =
        run_cli (FALSE, "render", f->gpkg, "--scenario", "不存在", "-o", png, NULL);
    g_auto (Run) base = run_cli (FALSE, "render", f->gpkg, "--basemap", bad, "-o", png, NULL);

    g_assert_cmpint (format.status, ==, 1);
    g_assert_nonnull (strstr (format.err, "map.txt"));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    g_assert_cmpint (bbox.status, ==, 2);
    g_assert_nonnull (strstr (bbox.err, "1,2,3"));
    g_assert_cmpint (scenario.status, ==, 1);
    g_assert_nonnull (strstr (scenario.err, "不存在"));
    /* A broken base map is named, and the map drawn without it. */
    g_assert_cmpint (base.status, ==, 0);
    g_assert_nonnull (strstr (base.err, "node-mbtiles_corrupt.mbtiles"));
  }
}

/* A report that cannot be written names why and leaves nothing behind;
 * an earlier report at the same place survives a failed one. */
static void
test_report_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "keep.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "r.pdf", NULL);
  g_autofree char *corrupt =
      g_test_build_filename (G_TEST_DIST, "data", "bad-input", "pyshp_corrupt_too_long.shp", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize            n_before, n_after;

  (void) data;
  {
    g_auto (Run) ok = run_cli (FALSE, "report", f->gpkg, "--basemap", "none", "-o", pdf, NULL);
    g_auto (Run) unknown =
        run_cli (FALSE, "report", f->gpkg, "--scenario", "不存在", "-o", pdf, NULL);
    g_auto (Run) paper = run_cli (FALSE, "report", f->gpkg, "--paper", "B5", "-o", pdf, NULL);
    g_auto (Run) orientation =
        run_cli (FALSE, "report", f->gpkg, "--orientation", "sideways", "-o", pdf, NULL);
    g_auto (Run) dir = run_cli (FALSE, "report", f->gpkg, "-o", missing, NULL);
    g_auto (Run) project = run_cli (FALSE, "report", corrupt, "-o", missing, NULL);

    g_assert_cmpint (ok.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &before, &n_before, NULL));
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_nonnull (strstr (unknown.err, "不存在"));
    g_assert_cmpint (paper.status, ==, 2);
    g_assert_nonnull (strstr (paper.err, "B5"));
    g_assert_cmpint (orientation.status, ==, 2);
    g_assert_cmpint (dir.status, ==, 1);
    g_assert_nonnull (strstr (dir.err, "r.pdf"));
    g_assert_cmpint (project.status, ==, 1);
    g_assert_nonnull (strstr (project.err, "pyshp_corrupt_too_long"));
  }
  g_assert_true (g_file_get_contents (pdf, &after, &n_after, NULL));
  g_assert_cmpuint (n_before, ==, n_after);
  g_assert_true (memcmp (before, after, n_before) == 0);
  /* No temporary file is left beside it. */
  {
    g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".keep.pdf."));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report/chinese", Fixture, NULL, fixture_set_up, test_report_chinese,
              fixture_tear_down);
  g_test_add ("/report/map-pages", Fixture, NULL, fixture_set_up, test_report_map_pages,
              fixture_tear_down);
  g_test_add ("/report/errors", Fixture, NULL, fixture_set_up, test_report_errors,
              fixture_tear_down);
  g_test_add ("/render/png-svg", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add_func ("/report/many-zones", test_report_many_zones);
  return g_test_run ();
}
