/* test-basemap.c — base maps made from a real OpenStreetMap extract
 * (Monaco): what is read, what a tile shows, names without collisions and
 * whole across tile borders, Chinese names, the MBTiles file, cancel and
 * refusals
 */
#include "gr-basemap-job.h"
#include "gr-basemap-render.h"
#include "gr-display.h"
#include "gr-mbtiles.h"
#include "gr-test-project.h"
#include "gr-test-util.h"

#include <math.h>
#include <string.h>

static GrBasemapData *monaco_en, *monaco_zh;

/* The tile at @z holding @lon, @lat. */
static void
tile_at (double lon, double lat, int z, int *x, int *y)
{
  double mx, my;

  gr_lonlat_to_mercator (lon, lat, &mx, &my);
  *x = (int) (mx * (1 << z));
  *y = (int) (my * (1 << z));
}

static guint
count_near (cairo_surface_t *s, const double rgb[3], double tolerance, const int box[4])
{
  const guint8 *p;
  int           stride = cairo_image_surface_get_stride (s);
  guint         n = 0;

  cairo_surface_flush (s);
  p = cairo_image_surface_get_data (s);
  for (int y = box[1]; y < box[3]; y++)
    for (int x = box[0]; x < box[2]; x++)
      {
        guint32 v = *(const guint32 *) (p + y * stride + 4 * x);

        if (fabs (((v >> 16) & 0xff) / 255.0 - rgb[0]) <= tolerance
            && fabs (((v >> 8) & 0xff) / 255.0 - rgb[1]) <= tolerance
            && fabs ((v & 0xff) / 255.0 - rgb[2]) <= tolerance)
          n++;
      }
  return n;
}

static guint
count_dark (cairo_surface_t *s, const int box[4])
{
  const guint8 *p;
  int           stride = cairo_image_surface_get_stride (s);
  guint         n = 0;

  cairo_surface_flush (s);
  p = cairo_image_surface_get_data (s);
  for (int y = MAX (box[1], 0); y < MIN (box[3], cairo_image_surface_get_height (s)); y++)
    for (int x = MAX (box[0], 0); x < MIN (box[2], cairo_image_surface_get_width (s)); x++)
      {
        guint32 v = *(const guint32 *) (p + y * stride + 4 * x);

        if (((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff) < 3 * 110)
          n++;
      }
  return n;
}

static guint
count_bluish (cairo_surface_t *s)
{
  const guint8 *p;
  guint         n = 0;

  cairo_surface_flush (s);
  p = cairo_image_surface_get_data (s);
  for (int i = 0; i < 256 * 256; i++)
    {
      guint32 v = ((const guint32 *) p)[i];
      int     r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

      n += b > r + 40 && b > g + 10;
    }
  return n;
}

static void
test_read (void)
{
  guint    counts[GR_N_BASE_KINDS] = { 0 };
  gboolean city_en = FALSE, city_zh = FALSE;

  for (guint i = 0; i < gr_basemap_data_get_n_features (monaco_en); i++)
    counts[gr_basemap_data_get_feature (monaco_en, i)->kind]++;
  g_assert_cmpuint (counts[GR_BASE_BUILDING], >, 500);
  g_assert_cmpuint (counts[GR_BASE_MINOR] + counts[GR_BASE_TERTIARY], >, 100);
  g_assert_cmpuint (counts[GR_BASE_PATH], >, 100);
  g_assert_cmpuint (counts[GR_BASE_PARK], >, 5);
  g_assert_cmpuint (counts[GR_BASE_TUNNEL], >, 5); /* the railway and Tunnel Albert II */
  g_assert_cmpuint (counts[GR_BASE_PLACE], >=, 10);
  /* In drawing order. */
  for (guint i = 1; i < gr_basemap_data_get_n_features (monaco_en); i++)
    g_assert_cmpuint (gr_basemap_data_get_feature (monaco_en, i - 1)->kind, <=,
                      gr_basemap_data_get_feature (monaco_en, i)->kind);
  for (guint i = 0; i < gr_basemap_data_get_n_features (monaco_zh); i++)
    {
      const GrBaseFeature *f = gr_basemap_data_get_feature (monaco_zh, i);
      const GrBaseFeature *e = gr_basemap_data_get_feature (monaco_en, i);

      if (f->kind == GR_BASE_PLACE && f->rank == 0)
        {
          city_zh |= g_strcmp0 (f->name, "摩納哥") == 0;
          city_en |= g_strcmp0 (e->name, "Monaco") == 0;
        }
    }
  g_assert_true (city_en);
  g_assert_true (city_zh);
}

/* A street-zoom tile of Monte-Carlo shows pale road fills inside grey
 * casings, water, buildings and the dark pixels of names. */
static void
test_tile_pixels (void)
{
  static const double road[3] = { 1, 1, 1 }, building[3] = { 0.80, 0.78, 0.76 };
  int                 x, y, all[4] = { 0, 0, 256, 256 };
  g_autoptr (GrBasemapLabels) labels = gr_basemap_labels_new (monaco_en, 16);
  cairo_surface_t *tile;

  tile_at (7.4265, 43.7395, 16, &x, &y);
  tile = gr_basemap_render_tile (monaco_en, labels, 16, x, y);
  g_assert_cmpuint (count_near (tile, road, 0.02, all), >, 500);
  g_assert_cmpuint (count_near (tile, building, 0.05, all), >, 2000);
  g_assert_cmpuint (count_dark (tile, all), >, 100);
  cairo_surface_destroy (tile);
  /* The largest water area (a pond in a park), in the water role's blue. */
  {
    const GrBaseFeature *water = NULL;

    for (guint i = 0; i < gr_basemap_data_get_n_features (monaco_en); i++)
      {
        const GrBaseFeature *f = gr_basemap_data_get_feature (monaco_en, i);

        if (f->kind == GR_BASE_WATER
            && (water == NULL
                || fabs (gr_polygon_area (f->shape)) > fabs (gr_polygon_area (water->shape))))
          water = f;
      }
    g_assert_nonnull (water);
    x = (int) ((water->bounds[0] + water->bounds[2]) / 2 * (1 << 17));
    y = (int) ((water->bounds[1] + water->bounds[3]) / 2 * (1 << 17));
    tile = gr_basemap_render_tile (monaco_en, NULL, 17, x, y);
    g_assert_cmpuint (count_bluish (tile), >, 1000);
    cairo_surface_destroy (tile);
  }
}

static void
test_labels_apart (void)
{
  for (int z = 13; z <= 17; z += 2)
    {
      g_autoptr (GrBasemapLabels) labels = gr_basemap_labels_new (monaco_en, z);
      guint n = gr_basemap_labels_get_n_labels (labels);

      g_assert_cmpuint (n, >=, z == 13 ? 5 : 10);
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            double a[4], b[4];

            gr_basemap_labels_get_text (labels, i, a);
            gr_basemap_labels_get_text (labels, j, b);
            g_assert_false (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]);
          }
    }
}

/* A 3×3 block of tiles around a name that crosses a tile border, put
 * together, is the same picture as the block drawn at once: no name is cut
 * at a border, and the name has ink on both sides of it. */
static void
test_labels_across_tiles (void)
{
  const int z = 16;
  g_autoptr (GrBasemapLabels) labels = gr_basemap_labels_new (monaco_en, z);
  cairo_surface_t *block = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 768, 768);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 768, 768);
  cairo_t         *cr;
  double           box[4];
  const char      *text = NULL;
  int              tx = 0, ty = 0, border = 0;
  guint            differ = 0;
  const guint8    *p, *q;

  for (guint i = 0; i < gr_basemap_labels_get_n_labels (labels) && text == NULL; i++)
    {
      const char *t = gr_basemap_labels_get_text (labels, i, box);

      /* The box has 3 px of clear space: the ink itself must cross. */
      if (floor ((box[0] + 8) / 256) != floor ((box[2] - 8) / 256))
        {
          text = t;
          tx = (int) floor ((box[0] + 8) / 256);
          ty = (int) floor ((box[1] + box[3]) / 2 / 256);
          border = (tx + 1) * 256;
        }
    }
  g_assert_nonnull (text);
  cr = cairo_create (block);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        cairo_surface_t *tile = gr_basemap_render_tile (monaco_en, labels, z, tx + dx, ty + dy);

        cairo_set_source_surface (cr, tile, (dx + 1) * 256, (dy + 1) * 256);
        cairo_paint (cr);
        cairo_surface_destroy (tile);
      }
  cairo_destroy (cr);
  cr = cairo_create (whole);
  gr_basemap_draw (cr, monaco_en, labels, z, (tx - 1) * 256.0, (ty - 1) * 256.0, 768, 768);
  cairo_destroy (cr);
  cairo_surface_flush (block);
  cairo_surface_flush (whole);
  p = cairo_image_surface_get_data (block);
  q = cairo_image_surface_get_data (whole);
  /* Inside the name's box, the tiles are the whole drawing exactly; a
   * name drawn by its own tile alone would leave its other part out. */
  for (int y = MAX ((int) box[1] - (ty - 1) * 256, 0); y < MIN ((int) box[3] - (ty - 1) * 256, 768);
       y++)
    for (int x = (int) box[0] - (tx - 1) * 256; x < (int) box[2] - (tx - 1) * 256; x++)
      for (int c = 0; c < 3; c++)
        differ += abs (p[y * 768 * 4 + x * 4 + c] - q[y * 768 * 4 + x * 4 + c]) > 2;
  g_assert_cmpuint (differ, ==, 0);
  {
    int x = border - (tx - 1) * 256, y0 = (int) box[1] - (ty - 1) * 256,
        y1 = (int) box[3] - (ty - 1) * 256;
    int left[4] = { (int) box[0] - (tx - 1) * 256, y0, x, y1 };
    int right[4] = { x, y0, (int) box[2] - (tx - 1) * 256, y1 };

    g_assert_cmpuint (count_dark (block, left), >, 5);
    g_assert_cmpuint (count_dark (block, right), >, 5);
  }
  cairo_surface_destroy (block);
  cairo_surface_destroy (whole);
}

/* Under a Chinese locale the city is 摩納哥, and its glyphs are drawn. */
static void
test_labels_chinese (void)
{
  g_autoptr (GrBasemapLabels) labels = gr_basemap_labels_new (monaco_zh, 13);
  gboolean found = FALSE;

  for (guint i = 0; i < gr_basemap_labels_get_n_labels (labels) && !found; i++)
    {
      double      box[4];
      const char *text = gr_basemap_labels_get_text (labels, i, box);

      if (g_strcmp0 (text, "摩納哥") == 0)
        {
          int              x = (int) floor ((box[0] + box[2]) / 2 / 256);
          int              y = (int) floor ((box[1] + box[3]) / 2 / 256);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 768, 768);
          cairo_t         *cr = cairo_create (surface);
          int              ink[4] = { (int) box[0] - (x - 1) * 256, (int) box[1] - (y - 1) * 256,
                                      (int) box[2] - (x - 1) * 256, (int) box[3] - (y - 1) * 256 };

          gr_basemap_draw (cr, monaco_zh, labels, 13, (x - 1) * 256.0, (y - 1) * 256.0, 768, 768);
          cairo_destroy (cr);
          g_assert_cmpuint (count_dark (surface, ink), >, 40);
          cairo_surface_destroy (surface);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
progress_count (double fraction, const char *what, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Written on two threads in TMS rows; read back by the window's reader. */
static void
test_write (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "monaco.mbtiles", NULL);
  g_autoptr (GrMbtiles) tiles = NULL;
  g_autoptr (GError) error = NULL;
  GrBasemapOptions options;
  GrBasemapStats   stats;
  guint            reports = 0;
  int              x, y;
  cairo_surface_t *image;

  gr_basemap_options_init (&options);
  options.min_zoom = 13;
  options.max_zoom = 15;
  options.threads = 2;
  options.attribution = "© OpenStreetMap contributors";
  g_assert_true (
      gr_basemap_write (monaco_en, &options, path, progress_count, &reports, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.tiles, ==, gr_basemap_count_tiles (monaco_en, &options));
  g_assert_cmpuint (stats.tiles, >, 20);
  g_assert_cmpuint (stats.bytes, >, 10000);
  g_assert_cmpuint (reports, >, 3);
  {
    g_autofree char *part = g_strconcat (path, ".part", NULL);

    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  tiles = gr_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gr_mbtiles_get_min_zoom (tiles), ==, 13);
  g_assert_cmpint (gr_mbtiles_get_max_zoom (tiles), ==, 15);
  g_assert_cmpstr (gr_mbtiles_get_attribution (tiles), ==, "© OpenStreetMap contributors");
  tile_at (7.4265, 43.7395, 15, &x, &y);
  image = gr_mbtiles_get_image (tiles, 15, x, y, &error);
  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 256);
  {
    static const double road[3] = { 1, 1, 1 };
    int                 all[4] = { 0, 0, 256, 256 };

    g_assert_cmpuint (count_near (image, road, 0.03, all), >, 300);
  }
}

/* Base maps that cannot be drawn are refused when opened, naming the
 * file and why, not shown as an empty map: tiles that are no image (the
 * bad-input file's are 0xFF bytes), a damaged file. */
static void
test_unusable_files (void)
{
  const char *names[] = { "mbtileserver_invalid-tile-format.mbtiles",
                          "node-mbtiles_corrupt.mbtiles", "mbtileserver_invalid.mbtiles" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = bad_path (names[i]);
      g_autoptr (GError) error = NULL;
      GrMbtiles *tiles = gr_mbtiles_open (path, &error);

      g_assert_null (tiles);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, names[i]));
    }
  {
    g_autofree char *path = bad_path (names[0]);
    g_autoptr (GError) error = NULL;

    g_assert_null (gr_mbtiles_open (path, &error));
    g_assert_nonnull (strstr (error->message, "ff ff ff ff"));
  }
}

static void
cancel_at_first (double fraction, const char *what, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled, nothing is left: neither the file nor its part. */
static void
test_cancel (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "monaco.mbtiles", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  GrBasemapOptions options;

  gr_basemap_options_init (&options);
  options.min_zoom = 14;
  options.max_zoom = 16;
  g_assert_false (gr_basemap_write (monaco_en, &options, path, cancel_at_first, cancellable,
                                    cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static void
test_refusals (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "x.mbtiles", NULL);
  g_autofree char *bad = bad_path ("pyshp_corrupt_too_long.shp");
  g_autoptr (GError) error = NULL;
  GrBasemapOptions options;

  gr_basemap_options_init (&options);
  options.min_zoom = 10;
  options.max_zoom = 17;
  options.bounds[0] = 73, options.bounds[1] = 18, options.bounds[2] = 135, options.bounds[3] = 54;
  g_assert_false (gr_basemap_check (monaco_en, &options, &error));
  g_assert_nonnull (strstr (error->message, "too many"));
  g_clear_error (&error);
  /* Far from the data: tiles of nothing are still a valid request. */
  options.min_zoom = options.max_zoom = 12;
  options.bounds[0] = 100, options.bounds[1] = 30, options.bounds[2] = 100.01,
  options.bounds[3] = 30.01;
  g_assert_true (gr_basemap_check (monaco_en, &options, &error));
  /* Not an extract; a folder that is not there. */
  g_assert_null (gr_basemap_data_new_from_osm (bad, FALSE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "pyshp_corrupt_too_long.shp"));
  g_clear_error (&error);
  memset (options.bounds, 0, sizeof options.bounds);
  g_free (path);
  path = g_build_filename (dir, "no-such-folder", "x.mbtiles", NULL);
  g_assert_false (gr_basemap_write (monaco_en, &options, path, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "x.mbtiles"));
}

/* A project's own layers: its parks are drawn in the parks' colour. */
static void
test_project (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GrBasemapData) data = NULL;
  guint parks = 0;

  data = gr_basemap_data_new_from_project (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < gr_basemap_data_get_n_features (data); i++)
    parks += gr_basemap_data_get_feature (data, i)->kind == GR_BASE_PARK;
  g_assert_cmpuint (parks, ==, project->layers[GR_ROLE_PARK]->features->len);
}

static gboolean
has_name (GrProject *project, const char *name)
{
  for (guint r = 0; r < GR_N_ROLES; r++)
    for (guint i = 0; project->layers[r] != NULL && i < project->layers[r]->features->len; i++)
      if (g_strcmp0 (((GrFeature *) g_ptr_array_index (project->layers[r]->features, i))->name,
                     name)
          == 0)
        return TRUE;
  return FALSE;
}

/* Imported under a Chinese locale, the layers' names are Chinese first
 * (name:zh), as the base map's. */
static void
test_import_chinese_names (void)
{
  g_autoptr (GrProject) latin = import_osm ("monaco.osm.pbf");
  g_autoptr (GrProject) chinese = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = import_osm ("monaco.osm.pbf");
  g_unsetenv ("LANGUAGE");
  g_assert_true (has_name (chinese, "摩納哥海洋博物館"));
  g_assert_false (has_name (latin, "摩納哥海洋博物館"));
}

/* A project's own base map is kept beside its file. */
static void
test_beside (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *project = g_build_filename (dir, "城市.gpkg", NULL);
  g_autofree char *beside = g_build_filename (dir, "城市.mbtiles", NULL);
  g_autofree char *a = gr_basemap_path_beside ("/data/city.v2/plan.gpkg");
  g_autofree char *b = gr_basemap_path_beside ("/data/city.v2/plan");
  g_autofree char *found = NULL;

  g_assert_cmpstr (a, ==, "/data/city.v2/plan.mbtiles");
  g_assert_cmpstr (b, ==, "/data/city.v2/plan.mbtiles");
  g_assert_null (gr_basemap_find_beside (project));
  g_assert_true (g_file_set_contents (beside, "", 0, NULL));
  found = gr_basemap_find_beside (project);
  g_assert_cmpstr (found, ==, beside);
  g_assert_null (gr_basemap_find_beside (NULL));
}

int
main (int argc, char **argv)
{
  g_autofree char *monaco = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  monaco = extract_path ("monaco.osm.pbf");
  monaco_en = gr_basemap_data_new_from_osm (monaco, FALSE, NULL, &error);
  g_assert_no_error (error);
  monaco_zh = gr_basemap_data_new_from_osm (monaco, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/basemap/read", test_read);
  g_test_add_func ("/basemap/tile-pixels", test_tile_pixels);
  g_test_add_func ("/basemap/labels/apart", test_labels_apart);
  g_test_add_func ("/basemap/labels/across-tiles", test_labels_across_tiles);
  g_test_add_func ("/basemap/labels/chinese", test_labels_chinese);
  g_test_add_func ("/basemap/write", test_write);
  g_test_add_func ("/basemap/cancel", test_cancel);
  g_test_add_func ("/basemap/refusals", test_refusals);
  g_test_add_func ("/basemap/unusable-files", test_unusable_files);
  g_test_add_func ("/basemap/project", test_project);
  g_test_add_func ("/basemap/beside", test_beside);
  g_test_add_func ("/basemap/import-chinese-names", test_import_chinese_names);
  status = g_test_run ();
  gr_basemap_data_free (monaco_en);
  gr_basemap_data_free (monaco_zh);
  return status;
}
