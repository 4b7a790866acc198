/* gr-population-source.c — residents from a table per zone or a raster grid
 *
 * Both become population polygons, as a population layer is: a zone's
 * outline with its residents, or a pixel's square with its. The analysis
 * spreads each over the residential land inside it (dasymetric), so the
 * totals are kept to the person and the residents of a pixel or zone
 * without residential land are reported as unplaced.
 */
#include "config.h"

#include "gr-population-source.h"

#include "gr-import.h"
#include "gr-project.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* More pixels than a city's grid: a country's raster, to be cut first. */
#define MAX_PIXELS (4u << 20)
/* A pixel with more residents than this is not a count of people. */
#define MAX_PIXEL_POPULATION 1.0e6
/* … nor a zone (a 街道 or 社区) with more than this. */
#define MAX_ZONE_POPULATION 1.0e8
/* How many unmatched names a message lists. */
#define LISTED 8

gboolean
gr_path_is_population_raster (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  GDALDatasetH     ds;
  gboolean         raster;

  if (g_str_has_suffix (lower, ".tif") || g_str_has_suffix (lower, ".tiff")
      || g_str_has_suffix (lower, ".asc") || g_str_has_suffix (lower, ".img"))
    return TRUE;
  if (g_str_has_prefix (path, "PG:") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  gr_gdal_capture_begin ();
  ds = GDALOpenEx (path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
  raster = ds != NULL && GDALGetRasterCount (ds) > 0 && GDALDatasetGetLayerCount (ds) == 0;
  if (ds != NULL)
    GDALClose (ds);
  g_free (gr_gdal_capture_end ());
  return raster;
}

static OGRGeometryH
pixel_square (const double gt[6], int col, int row)
{
  OGRGeometryH     ring = OGR_G_CreateGeometry (wkbLinearRing);
  OGRGeometryH     square = OGR_G_CreateGeometry (wkbPolygon);
  OGRGeometryH     multi = OGR_G_CreateGeometry (wkbMultiPolygon);
  static const int corners[5][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };

  for (guint k = 0; k < 5; k++)
    {
      double c = col + corners[k][0], r = row + corners[k][1];

      OGR_G_AddPoint_2D (ring, gt[0] + c * gt[1] + r * gt[2], gt[3] + c * gt[4] + r * gt[5]);
    }
  OGR_G_AddGeometryDirectly (square, ring);
  OGR_G_AddGeometryDirectly (multi, square);
  return multi;
}

static gboolean
read_rows (const char     *path,
           GDALRasterBandH band,
           const double    gt[6],
           GPtrArray      *features,
           double         *total,
           GError        **error)
{
  int                width = GDALGetRasterBandXSize (band), height = GDALGetRasterBandYSize (band);
  int                has_nodata = FALSE;
  double             nodata = GDALGetRasterNoDataValue (band, &has_nodata);
  g_autofree double *line = g_new (double, width);

  for (int row = 0; row < height; row++)
    {
      if (GDALRasterIO (band, GF_Read, 0, row, width, 1, line, width, 1, GDT_Float64, 0, 0)
          != CE_None)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                       _ ("%s: row %d of the raster cannot be read"), path, row);
          return FALSE;
        }
      for (int col = 0; col < width; col++)
        {
          double     people = line[col];
          GrFeature *pixel;

          if ((has_nodata && people == nodata) || people == 0 || isnan (people))
            continue;
          if (!(people > 0 && people <= MAX_PIXEL_POPULATION))
            {
              g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                           _ ("%s: the pixel at column %d, row %d holds %g, which is not a "
                              "number of residents; is this a population raster?"),
                           path, col, row, people);
              return FALSE;
            }
          pixel = gr_feature_new (pixel_square (gt, col, row));
          pixel->value = people;
          *total += people;
          g_ptr_array_add (features, pixel);
        }
    }
  return TRUE;
}

/**
 * gr_population_raster_read:
 * @srs: (out): the raster's CRS
 * @total: (out): its residents
 *
 * Each pixel with residents as a square with them. No data, zero and
 * NaN are no one; a negative or absurd count is an error.
 *
 * Returns: (element-type GrFeature): in the raster's CRS
 */
GPtrArray *
gr_population_raster_read (const char           *path,
                           OGRSpatialReferenceH *srs,
                           double               *total,
                           GError              **error)
{
  g_autoptr (GPtrArray) features =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_feature_free);
  g_auto (GDALDatasetH) ds = NULL;
  g_autofree char *gdal = NULL;
  const char      *wkt;
  double           gt[6];

  *total = 0;
  gr_gdal_capture_begin ();
  ds = GDALOpenEx (path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, NULL, NULL);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL || GDALGetRasterCount (ds) == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: not a raster GDAL can read: %s"), path,
                   gdal != NULL && *gdal ? gdal : _ ("unrecognised format"));
      return NULL;
    }
  wkt = GDALGetProjectionRef (ds);
  if (wkt == NULL || *wkt == '\0' || GDALGetGeoTransform (ds, gt) != CE_None)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: the raster has no coordinate reference system or no georeference; "
                      "a population grid must say where its pixels are"),
                   path);
      return NULL;
    }
  if ((guint64) GDALGetRasterXSize (ds) * GDALGetRasterYSize (ds) > MAX_PIXELS)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: %d × %d pixels is more than a city's grid; cut it to the city first "
                      "(gdal_translate -projwin …)"),
                   path, GDALGetRasterXSize (ds), GDALGetRasterYSize (ds));
      return NULL;
    }
  if (!read_rows (path, GDALGetRasterBand (ds, 1), gt, features, total, error))
    return NULL;
  if (features->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("%s: no pixel of the raster has residents"), path);
      return NULL;
    }
  *srs = OSRNewSpatialReference (wkt);
  OSRSetAxisMappingStrategy (*srs, OAMS_TRADITIONAL_GIS_ORDER);
  return g_steal_pointer (&features);
}

/* ---- a table of residents per zone ---------------------------------------------- */

/* A count as a table writes it: 12345, "12,345", 1.2345e4. */
static gboolean
parse_count (const char *text, double *value)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  char *end;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    return FALSE;
  *value = g_ascii_strtod (digits->str, &end);
  return *end == '\0' && isfinite (*value);
}

typedef struct
{
  GHashTable *rows; /* key → Row */
  GPtrArray  *order;
  const char *path;
} Table;

typedef struct
{
  char    *key;
  double   people;
  gboolean used;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->key);
  g_free (row);
}

static gboolean
read_table_rows (Table *table, OGRLayerH layer, int key, int value, GError **error)
{
  OGRFeatureH feature;
  guint       line = 1;

  while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      Row             *row;
      double           people;

      line++;
      if (!OGR_F_IsFieldSetAndNotNull (feature, key))
        {
          OGR_F_Destroy (feature);
          continue;
        }
      name = gr_text_to_utf8 (OGR_F_GetFieldAsString (feature, key), NULL);
      g_strstrip (name);
      text = g_strdup (OGR_F_IsFieldSetAndNotNull (feature, value)
                           ? OGR_F_GetFieldAsString (feature, value)
                           : "");
      OGR_F_Destroy (feature);
      if (*name == '\0')
        continue;
      if (!parse_count (text, &people) || people < 0 || people > MAX_ZONE_POPULATION)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _ ("%s, row %u (“%s”): “%s” is not a number of residents"), table->path,
                       line, name, text);
          return FALSE;
        }
      if (g_hash_table_contains (table->rows, name))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                       _ ("%s: “%s” has two rows; which one counts is not known"), table->path,
                       name);
          return FALSE;
        }
      row = g_new0 (Row, 1);
      row->key = g_steal_pointer (&name);
      row->people = people;
      g_hash_table_insert (table->rows, row->key, row);
      g_ptr_array_add (table->order, row);
    }
  if (table->order->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("%s: the table has no rows with a zone"), table->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_table (Table *table, const char *table_field, const char *value_field, GError **error)
{
  static const char *const keys[] = { "name", "NAME",     "名称", "街道",
                                      "社区", "乡镇街道", "zone", NULL };
  static const char *const people[] = { "population", "POPULATION", "pop",    "POP",
                                        "常住人口",   "人口",       "人口数", "总人口",
                                        "RK",         "residents",  NULL };
  const char              *options[] = { "ENCODING=", NULL };
  g_auto (GDALDatasetH) ds = NULL;
  g_autofree char *gdal = NULL;
  OGRLayerH        layer;
  OGRFeatureDefnH  defn;
  int              key, value;

  gr_gdal_capture_begin ();
  ds = GDALOpenEx (table->path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, options, NULL);
  gdal = gr_gdal_capture_end ();
  if (ds == NULL || GDALDatasetGetLayerCount (ds) == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: not a table GDAL can read (CSV, XLSX, ODS): %s"), table->path,
                   gdal != NULL && *gdal ? gdal : _ ("no such file or unrecognised format"));
      return FALSE;
    }
  /* A spreadsheet's first sheet. */
  layer = GDALDatasetGetLayer (ds, 0);
  defn = OGR_L_GetLayerDefn (layer);
  key = gr_gdal_find_field (defn, table_field, keys);
  value = gr_gdal_find_field (defn, value_field, people);
  if (key < 0 || value < 0)
    {
      g_autofree char *list = gr_gdal_field_list (defn);

      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   key < 0 ? _ ("%s: no column “%s” to join the zones by; the columns are: %s")
                           : _ ("%s: no column of residents (“%s”); the columns are: %s. Name "
                                "it with --population-field"),
                   table->path,
                   key < 0 ? (table_field != NULL ? table_field : "name")
                           : (value_field != NULL ? value_field : "population"),
                   list);
      return FALSE;
    }
  return read_table_rows (table, layer, key, value, error);
}

static char *
list_names (GPtrArray *names)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < LISTED; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));
  if (names->len > LISTED)
    /* TRANSLATORS: after a list of names: “and 12 more” */
    g_string_append_printf (list, _ (" and %u more"), names->len - LISTED);
  return g_string_free (list, FALSE);
}

/**
 * gr_population_table_join:
 * @join: (nullable): TABLEFIELD, the table's column holding the zones'
 *   names (default: name, 街道, 社区…)
 * @zones: (element-type GrFeature): the zones, by their names
 * @warnings: the rows that match no zone and the zones without a row
 * @total: (out): the residents of every row, matched or not
 *
 * Returns: (element-type GrFeature): each zone with a row, as a polygon
 *   with the row's residents, in the zones' CRS
 */
GPtrArray *
gr_population_table_join (const char *path,
                          const char *join,
                          const char *value_field,
                          GPtrArray  *zones,
                          GPtrArray  *warnings,
                          double     *total,
                          GError    **error)
{
  g_autoptr (GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (row_free);
  g_autoptr (GPtrArray) features =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_feature_free);
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new ();
  g_autoptr (GPtrArray) no_row = g_ptr_array_new ();
  Table  table = { rows, order, path };
  double lost = 0;

  *total = 0;
  if (!read_table (&table, join, value_field, error))
    return NULL;
  for (guint i = 0; i < zones->len; i++)
    {
      GrFeature       *zone = g_ptr_array_index (zones, i);
      g_autofree char *name = zone->name != NULL ? g_strstrip (g_strdup (zone->name)) : NULL;
      Row             *row = name != NULL ? g_hash_table_lookup (rows, name) : NULL;
      GrFeature       *people;

      if (row == NULL || row->used)
        {
          if (row == NULL)
            g_ptr_array_add (no_row, zone->name != NULL ? zone->name : (char *) "–");
          continue;
        }
      row->used = TRUE;
      people = gr_feature_new (OGR_G_Clone (zone->geometry));
      people->name = g_strdup (zone->name);
      people->value = row->people;
      g_ptr_array_add (features, people);
    }
  for (guint i = 0; i < order->len; i++)
    {
      Row *row = g_ptr_array_index (order, i);

      *total += row->people;
      if (!row->used)
        {
          g_ptr_array_add (unmatched, row->key);
          lost += row->people;
        }
    }
  if (features->len == 0)
    {
      g_autofree char *some = list_names (order->len > 0 ? unmatched : no_row);

      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: no row matches a zone by name (the table has %s); check "
                      "--population-join ZONEFIELD=TABLEFIELD"),
                   path, some);
      return NULL;
    }
  if (unmatched->len > 0)
    {
      g_autofree char *some = list_names (unmatched);

      g_ptr_array_add (warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s: %u row matches no zone, and its %.0f "
                                                     "residents are not counted: %s",
                                                     "%s: %u rows match no zone, and their %.0f "
                                                     "residents are not counted: %s",
                                                     unmatched->len),
                                        path, unmatched->len, lost, some));
    }
  if (no_row->len > 0)
    {
      g_autofree char *some = list_names (no_row);

      g_ptr_array_add (
          warnings, g_strdup_printf (
                        g_dngettext (GETTEXT_PACKAGE, "%s: %u zone has no row, so no residents: %s",
                                     "%s: %u zones have no row, so no residents: %s", no_row->len),
                        path, no_row->len, some));
    }
  return g_steal_pointer (&features);
}
