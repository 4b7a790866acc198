/* gr-import.c — any GDAL vector source (or an OSM extract) into a project
 *
 * Features are read in their source CRS, the analysis CRS is chosen from
 * where the data lies, and everything is reprojected and repaired once
 * (gr-import-place.c); a land-use layer's features go to the roles their
 * codes mean (gr-import-landuse.c).
 */
#include "config.h"

#include "gr-import-private.h"
#include "gr-pg.h"

#include "gr-code-table.h"
#include "gr-crs.h"
#include "gr-offset.h"
#include "gr-osm.h"
#include "gr-osm-nodes.h"
#include "gr-population-source.h"
#include "gr-population.h"
#include "gr-recipe.h"
#include "gr-runtime.h"

#include <cpl_conv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

static void
pending_clear (gpointer data)
{
  gr_feature_free (((Pending *) data)->feature);
}

static Batch *
batch_new (const char *label, char *key)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->key = key != NULL ? key : g_path_get_basename (label);
  batch->path = g_strdup (label);
  batch->items = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (batch->items, pending_clear);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_free (batch->path);
  g_free (batch->key);
  if (batch->srs != NULL)
    OSRRelease (batch->srs);
  g_array_unref (batch->items);
  g_clear_pointer (&batch->motor_roads, g_ptr_array_unref);
  g_free (batch);
}

GrSource *
gr_source_copy (const GrSource *source)
{
  GrSource *copy = g_new0 (GrSource, 1);

  copy->role = source->role;
  copy->path = g_strdup (source->path);
  copy->label = g_strdup (source->label);
  copy->layer = g_strdup (source->layer);
  copy->add = source->add;
  copy->landuse = source->landuse;
  copy->crs = g_strdup (source->crs);
  return copy;
}

void
gr_source_free (GrSource *source)
{
  if (source == NULL)
    return;
  g_free (source->path);
  g_free (source->label);
  g_free (source->layer);
  g_free (source->crs);
  g_free (source);
}

/* The key a source was given with: its role, or landuse. */
static const char *
source_key (const GrSource *source)
{
  return source->landuse ? "landuse" : gr_role_to_string (source->role);
}

static gboolean
looks_like_layer_name (const char *text)
{
  return *text != '\0' && strpbrk (text, "=/\\ ") == NULL;
}

/**
 * gr_source_parse:
 * @spec: `ROLE=PATH[:LAYER]`
 */
GrSource *
gr_source_parse (const char *spec, GError **error)
{
  g_autoptr (GrSource) source = g_new0 (GrSource, 1);
  const char      *eq = strchr (spec, '=');
  g_autofree char *role = eq != NULL ? g_strndup (spec, eq - spec) : NULL;
  const char      *colon;
  g_autofree char *shown = gr_pg_redact (spec);

  /* landuse= is a layer whose features take the roles their codes mean. */
  source->landuse = role != NULL && g_ascii_strcasecmp (role, "landuse") == 0;
  if (role != NULL && eq[1] != '\0' && !source->landuse
      && !gr_role_from_string (role, &source->role) && gr_role_guess_key (role) != NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("“%s”: there is no role “%s” (did you mean “%s”?); roles are green, "
                      "park, residential, population, walk, greenway, corridor, water, zones, "
                      "buildings, nursery, builtup, sites, entrances, and landuse for a layer "
                      "coded by a land-use classification"),
                   shown, role, gr_role_guess_key (role));
      return NULL;
    }
  if (role == NULL || eq[1] == '\0'
      || (!source->landuse && !gr_role_from_string (role, &source->role)))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("“%s” is not ROLE=PATH[:LAYER]; roles are green, park, residential, "
                      "population, walk, greenway, corridor, water, zones, buildings, nursery, "
                      "builtup, sites, entrances, and landuse for a layer coded by a land-use "
                      "classification"),
                   shown);
      return NULL;
    }
  source->path = g_strdup (eq + 1);
  colon = strrchr (source->path, ':');
  /* A path may hold colons itself (C:\…): split off a layer only when what
   * stands before the colon is a file, or after it a plain name; never off
   * a database connection, whose table is its tables= (a colon there is a
   * port's or a password's). */
  if (colon != NULL && !gr_pg_is_connection (source->path)
      && !g_file_test (source->path, G_FILE_TEST_EXISTS) && looks_like_layer_name (colon + 1)
      && (colon - source->path > 2 || !g_str_has_prefix (source->path, "PG")))
    {
      source->layer = g_strdup (colon + 1);
      source->path[colon - source->path] = '\0';
    }
  source->label = gr_pg_redact_connection (source->path);
  return g_steal_pointer (&source);
}

/**
 * gr_source_set_path:
 *
 * Sets @source's path (a file, or a connection string that may hold a
 * password) and the label messages name it by.
 */
void
gr_source_set_path (GrSource *source, const char *path)
{
  char *copy = g_strdup (path);

  g_free (source->path);
  g_free (source->label);
  source->path = copy;
  source->label = gr_pg_redact_connection (copy);
}

/**
 * gr_source_get_short_name:
 *
 * Returns: (transfer full): a file's name, or a database source's table
 *   (its first in tables=, else "postgis")
 */
char *
gr_source_get_short_name (const GrSource *source)
{
  g_autofree char *table = NULL;

  if (!gr_pg_is_connection (source->path))
    return g_path_get_basename (source->path);
  table = gr_pg_first_table (source->path);
  return g_strdup (table != NULL ? table : source->layer != NULL ? source->layer : "postgis");
}

gboolean
gr_path_is_osm (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".osm.pbf") || g_str_has_suffix (lower, ".pbf")
         || g_str_has_suffix (lower, ".osm") || g_str_has_suffix (lower, ".osm.gz");
}

/* ---- text encodings ----------------------------------------------------- */

/**
 * gr_text_to_utf8:
 * @encoding: the source's encoding, or %NULL to detect: text that is not
 *   valid UTF-8 is taken as CP936 (GBK), as Chinese bureau data usually is
 */
char *
gr_text_to_utf8 (const char *raw, const char *encoding)
{
  char *out;

  if (encoding == NULL && g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  out = g_convert (raw, -1, "UTF-8", encoding != NULL ? encoding : "CP936", NULL, NULL, NULL);
  return out != NULL ? out : g_utf8_make_valid (raw, -1);
}

/**
 * gr_shapefile_encoding:
 *
 * A shapefile's .cpg names its encoding; GDAL's own recoding is off so that
 * GBK without a .cpg can be told from UTF-8 (see gr_text_to_utf8).
 *
 * Returns: (nullable): the encoding its .cpg names, as iconv knows it
 */
char *
gr_shapefile_encoding (const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *cpg = NULL;
  g_autofree char *text = NULL;

  if (!g_str_has_suffix (path, ".shp") && !g_str_has_suffix (path, ".SHP")
      && !g_str_has_suffix (path, ".dbf") && !g_str_has_suffix (path, ".DBF"))
    return NULL;
  base = g_strndup (path, strlen (path) - 4);
  cpg = g_strconcat (base, ".cpg", NULL);
  if (!g_file_get_contents (cpg, &text, NULL, NULL))
    {
      g_free (cpg);
      cpg = g_strconcat (base, ".CPG", NULL);
      if (!g_file_get_contents (cpg, &text, NULL, NULL))
        return NULL;
    }
  g_strstrip (text);
  if (g_ascii_strcasecmp (text, "UTF-8") == 0 || g_ascii_strcasecmp (text, "UTF8") == 0
      || strcmp (text, "65001") == 0)
    return g_strdup ("UTF-8");
  if (strcmp (text, "936") == 0 || g_ascii_strcasecmp (text, "GBK") == 0
      || g_ascii_strcasecmp (text, "GB2312") == 0)
    return g_strdup ("CP936");
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* ---- reading one source ------------------------------------------------- */

static gboolean
open_error (GError **error, const char *connection, const char *gdal_raw)
{
  g_autofree char *path = gr_pg_redact_connection (connection);
  g_autofree char *gdal = gr_pg_redact (gdal_raw);

  if (gr_pg_is_connection (connection))
    {
      /* libpq's reason, on one line: "connection to server at … failed:
       * FATAL: password authentication failed for user …". */
      g_auto (GStrv) lines = g_strsplit (gdal != NULL ? gdal : "", "\n", -1);
      g_autoptr (GString) why = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i] == '\0' || g_str_equal (lines[i], "PQconnectdb failed."))
            continue;
          g_string_append_printf (why, "%s%s", why->len > 0 ? " " : "", lines[i]);
        }
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                   _ ("%s: cannot read from the database: %s"), path,
                   why->len > 0 ? why->str : _ ("no such table, or no table with a geometry"));
    }
  else if (!g_str_has_prefix (connection, "/vsi") && !g_file_test (connection, G_FILE_TEST_EXISTS))
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, _ ("%s: no such file"), path);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s: not a vector data source GDAL can read: %s"), path,
                 gdal != NULL && *gdal ? gdal : _ ("unrecognised format"));
  return FALSE;
}

static GDALDatasetH
open_vector (const char *path, GError **error)
{
  const char      *options[] = { "ENCODING=", NULL };
  g_autofree char *gdal = NULL;
  GDALDatasetH     ds;

  ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, NULL, options,
                   NULL);
  if (ds == NULL)
    {
      gdal = gr_gdal_capture_end ();
      gr_gdal_capture_begin ();
      open_error (error, path, gdal);
    }
  return ds;
}

static OGRLayerH
pick_layer (GDALDatasetH ds, const GrSource *source, GError **error)
{
  int n = GDALDatasetGetLayerCount (ds);
  g_autoptr (GString) names = g_string_new (NULL);
  OGRLayerH layer;

  if (source->layer != NULL)
    {
      if ((layer = GDALDatasetGetLayerByName (ds, source->layer)) != NULL)
        return layer;
    }
  else if (n == 1)
    return GDALDatasetGetLayer (ds, 0);
  for (int i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "",
                            OGR_L_GetName (GDALDatasetGetLayer (ds, i)));
  if (n == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                 _ ("%s: the source has no layers"), source->label);
  else if (source->layer != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s: no layer “%s”; the layers are: %s"), source->label, source->layer,
                 names->str);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s has %d layers (%s); choose one with %s=%s:LAYER"), source->label, n,
                 names->str, source_key (source), source->label);
  return NULL;
}

/**
 * gr_source_count:
 * @n_features: (out): the features the source's layer has, before any is
 *   checked or repaired
 *
 * What an import would bring, for asking before it is made.
 */
gboolean
gr_source_count (const GrSource *source, guint *n_features, GError **error)
{
  g_auto (GDALDatasetH) ds = NULL;
  OGRLayerH layer;
  GIntBig   n;

  gr_gdal_init ();
  gr_gdal_capture_begin ();
  ds = open_vector (source->path, error);
  layer = ds != NULL ? pick_layer (ds, source, error) : NULL;
  g_free (gr_gdal_capture_end ());
  if (layer == NULL)
    return FALSE;
  n = OGR_L_GetFeatureCount (layer, TRUE);
  *n_features = n > 0 ? (guint) MIN (n, G_MAXUINT) : 0;
  return TRUE;
}

static gboolean
shape_matches (GrShape shape, OGRGeometryH geometry)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  gboolean           area = type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon
                  || type == wkbMultiSurface || type == wkbGeometryCollection;
  gboolean line = type == wkbLineString || type == wkbMultiLineString || type == wkbCompoundCurve
                  || type == wkbMultiCurve || type == wkbCircularString;
  gboolean point = type == wkbPoint || type == wkbMultiPoint;

  switch (shape)
    {
    case GR_SHAPE_AREA:
      return area;
    case GR_SHAPE_LINE:
      return line || type == wkbGeometryCollection;
    case GR_SHAPE_POINT:
      return point;
    case GR_SHAPE_AREA_OR_POINT:
    default:
      return area || point;
    }
}

const char *
_gr_import_shape_noun (GrShape shape)
{
  switch (shape)
    {
    case GR_SHAPE_AREA:
      return _ ("polygons");
    case GR_SHAPE_LINE:
      return _ ("lines");
    case GR_SHAPE_POINT:
      return _ ("points");
    case GR_SHAPE_AREA_OR_POINT:
    default:
      return _ ("polygons or points");
    }
}

static char *
read_text (OGRFeatureH row, int index, const Fields *fields)
{
  if (index < 0 || !OGR_F_IsFieldSetAndNotNull (row, index))
    return NULL;
  return gr_text_to_utf8 (OGR_F_GetFieldAsString (row, index), fields->encoding);
}

static gboolean
truthy (const char *text)
{
  return text != NULL && *text != '\0' && g_ascii_strcasecmp (text, "no") != 0
         && g_ascii_strcasecmp (text, "false") != 0 && strcmp (text, "0") != 0;
}

static gboolean
check_population (double value, const GrSource *source, GIntBig fid, GError **error)
{
  if (isfinite (value) && value >= 0 && value <= MAX_FEATURE_POPULATION)
    return TRUE;
  g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
               _ ("%s: feature %lld has population %g, which is not a plausible number of "
                  "residents; check the field (--population-field)"),
               source->label, (long long) fid, value);
  return FALSE;
}

static gboolean
setup_fields (Import         *import,
              const GrSource *source,
              OGRLayerH       layer,
              Fields         *fields,
              GError        **error)
{
  static const char *const names[] = { "name", "NAME", "Name", "名称", "MC", NULL };
  static const char *const kinds[] = { "kind",   "class", "CLASS", "type",     "TYPE",
                                       "fclass", "DLBM",  "YDDM",  "用地代码", NULL };
  static const char *const people[] = { "population", "POPULATION", "pop",   "POP",
                                        "人口",       "RK",         "value", NULL };
  static const char *const historic[] = { "historic", "HISTORIC", NULL };
  static const char *const levels[] = { "building:levels", "levels", "LEVELS",
                                        "floors",          "FLOORS", "层数",
                                        "楼层数",          "CS",     "JZCS",
                                        "FLOOR",           NULL };
  static const char *const heights[] = {
    "height", "HEIGHT", "高度", "建筑高度", "GD", "JZGD", NULL
  };
  /* The seventh census's age groups (第七次全国人口普查): 0–14, 15–59,
   * 60 and over (and 65 and over, not read). */
  static const char *const children[] = { "age_0_14", "age0_14",  "0-14",     "0_14",
                                          "0-14岁",   "0～14岁",  "0—14岁",   "少儿人口",
                                          "children", "CHILDREN", "pop_0_14", NULL };
  static const char *const elderly60[] = { "age_60",   "age60",      "60+",     "60岁及以上",
                                           "60岁以上", "60周岁以上", "elderly", "ELDERLY",
                                           "pop_60",   "老年人口",   NULL };
  const GrImportOptions   *o = import->options;
  OGRFeatureDefnH          defn = OGR_L_GetLayerDefn (layer);
  gboolean                 zones = source->role == GR_ROLE_ZONES;
  gboolean                 people_role = source->role == GR_ROLE_POPULATION;

  fields->name = gr_gdal_find_field (defn, zones ? o->zone_field : NULL, names);
  fields->kind = gr_gdal_find_field (defn, NULL, kinds);
  fields->historic = gr_gdal_find_field (defn, NULL, historic);
  fields->levels = source->role == GR_ROLE_BUILDINGS ? gr_gdal_find_field (defn, NULL, levels) : -1;
  fields->height =
      source->role == GR_ROLE_BUILDINGS ? gr_gdal_find_field (defn, NULL, heights) : -1;
  fields->children = people_role ? gr_gdal_find_field (defn, NULL, children) : -1;
  /* 60 and over only: 65 and over is another group, not a stand-in. */
  fields->elderly = people_role ? gr_gdal_find_field (defn, NULL, elderly60) : -1;
  if (source->landuse && !_gr_import_code_field (source, o, defn, fields, error))
    return FALSE;
  fields->value = source->role == GR_ROLE_POPULATION
                      ? gr_gdal_find_field (defn, o->population_field, people)
                      : -1;
  if (zones && o->zone_field != NULL && fields->name < 0)
    {
      g_autofree char *list = gr_gdal_field_list (defn);
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: no zone field “%s”; the fields are: %s"), source->label, o->zone_field,
                   list);
      return FALSE;
    }
  if (source->role == GR_ROLE_POPULATION
      && (fields->value < 0
          || (OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, fields->value)) != OFTReal
              && OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, fields->value)) != OFTInteger
              && OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, fields->value)) != OFTInteger64)))
    {
      g_autofree char *list = gr_gdal_field_list (defn);
      if (o->population_field != NULL)
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                     _ ("%s: no numeric population field “%s”; the fields are: %s"), source->label,
                     o->population_field, list);
      else
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                     _ ("%s: no numeric population field; the fields are: %s. "
                        "Name it with --population-field"),
                     source->label, list);
      return FALSE;
    }
  /* Last: a refused source leaves nothing to free. */
  fields->encoding =
      o->encoding != NULL ? g_strdup (o->encoding) : gr_shapefile_encoding (source->path);
  return TRUE;
}

/* Every vertex of @geometry from @offset's coordinates to WGS 84. */
static void
unshift (OGRGeometryH geometry, GrOffset offset)
{
  int parts = OGR_G_GetGeometryCount (geometry);

  for (int i = 0; i < parts; i++)
    unshift (OGR_G_GetGeometryRef (geometry, i), offset);
  for (int i = 0; parts == 0 && i < OGR_G_GetPointCount (geometry); i++)
    {
      double x = OGR_G_GetX (geometry, i), y = OGR_G_GetY (geometry, i);

      gr_offset_to_wgs84 (offset, &x, &y);
      OGR_G_SetPoint_2D (geometry, i, x, y);
    }
}

/* An age group's count; NAN when absent or not a count. */
static double
age_count (OGRFeatureH row, int index)
{
  double n;

  if (index < 0 || !OGR_F_IsFieldSetAndNotNull (row, index))
    return NAN;
  n = OGR_F_GetFieldAsDouble (row, index);
  return isfinite (n) && n >= 0 ? n : NAN;
}

/* Children and elderly of a population feature. Groups that together
 * exceed the feature's residents are a misread field: left out, and
 * counted for a warning, rather than turned into a share over 100 %. */
static void
read_ages (OGRFeatureH row, const Fields *fields, GrFeature *feature, Batch *batch)
{
  double children = age_count (row, fields->children), elderly = age_count (row, fields->elderly);

  if (fields->children < 0 && fields->elderly < 0)
    return;
  if ((isfinite (children) && children > feature->value)
      || (isfinite (elderly) && elderly > feature->value)
      || (isfinite (children) && isfinite (elderly) && children + elderly > feature->value))
    {
      batch->bad_ages++;
      return;
    }
  feature->children = children;
  feature->elderly = elderly;
}

static gboolean
read_rows (Import         *import,
           const GrSource *source,
           OGRLayerH       layer,
           Batch          *batch,
           const Fields   *fields,
           GError        **error)
{
  GrShape     shape = gr_role_get_shape (source->role);
  guint       total = 0;
  OGRFeatureH row;

  OGR_L_ResetReading (layer);
  while ((row = OGR_L_GetNextFeature (layer)) != NULL)
    {
      OGRGeometryH geometry = OGR_F_StealGeometry (row);
      Pending      item = { source->role, NULL, 0, OGR_F_GetFID (row) };

      total++;
      if (geometry == NULL || OGR_G_IsEmpty (geometry) || !shape_matches (shape, geometry))
        {
          batch->skipped++;
          if (geometry != NULL)
            OGR_G_DestroyGeometry (geometry);
          OGR_F_Destroy (row);
          continue;
        }
      if (batch->offset != GR_OFFSET_NONE)
        unshift (geometry, batch->offset);
      item.feature = gr_feature_new (geometry);
      item.feature->name = read_text (row, fields->name, fields);
      item.feature->kind = read_text (row, fields->kind, fields);
      if (fields->historic >= 0)
        item.feature->historic = truthy (OGR_F_GetFieldAsString (row, fields->historic));
      if (fields->levels >= 0 || fields->height >= 0)
        item.feature->value = gr_storeys_from_text (
            fields->levels >= 0 && OGR_F_IsFieldSetAndNotNull (row, fields->levels)
                ? OGR_F_GetFieldAsString (row, fields->levels)
                : NULL,
            fields->height >= 0 && OGR_F_IsFieldSetAndNotNull (row, fields->height)
                ? OGR_F_GetFieldAsString (row, fields->height)
                : NULL);
      if (fields->value >= 0)
        item.feature->value = OGR_F_IsFieldSetAndNotNull (row, fields->value)
                                  ? OGR_F_GetFieldAsDouble (row, fields->value)
                                  : 0;
      read_ages (row, fields, item.feature, batch);
      g_array_append_val (batch->items, item);
      if (fields->value >= 0
          && !check_population (item.feature->value, source, OGR_F_GetFID (row), error))
        {
          OGR_F_Destroy (row);
          return FALSE;
        }
      OGR_F_Destroy (row);
      if (total % 4096 == 0
          && g_cancellable_set_error_if_cancelled (import->options->cancellable, error))
        return FALSE;
    }
  if (total == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY, _ ("%s: layer “%s” is empty"),
                 source->label, OGR_L_GetName (layer));
  else if (batch->items->len == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_ROLE,
                 _ ("%s: the role “%s” needs %s, but layer “%s” has none"), source->label,
                 source_key (source), _gr_import_shape_noun (shape), OGR_L_GetName (layer));
  return batch->items->len > 0;
}

static char *
describe_missing_crs (const char *path, OGRLayerH layer)
{
  OGREnvelope      env;
  g_autofree char *hint = NULL;

  if (OGR_L_GetExtent (layer, &env, TRUE) == OGRERR_NONE)
    hint = gr_crs_suggest ((env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2);
  return g_strdup_printf (_ ("%s: the data has no coordinate reference system (no .prj?); "
                             "give it with --source-crs. %s"),
                          path, hint != NULL ? hint : "");
}

static void
set_population_method (Import *import, const char *method)
{
  g_free (import->project->population_method);
  import->project->population_method = g_strdup (method);
}

/* A population raster: each pixel with residents as its square. */
static gboolean
read_raster (Import *import, const GrSource *source, GError **error)
{
  OGRSpatialReferenceH srs = NULL;
  double               total;
  g_autoptr (GPtrArray) pixels = gr_population_raster_read (source->path, &srs, &total, error);
  Batch *batch;

  if (pixels == NULL)
    return FALSE;
  batch = batch_new (source->label, gr_source_get_short_name (source));
  batch->role = GR_ROLE_POPULATION;
  batch->add = source->add;
  batch->srs = srs;
  g_ptr_array_add (import->batches, batch);
  /* The pixels pass to the batch. */
  g_ptr_array_set_free_func (pixels, NULL);
  for (guint i = 0; i < pixels->len; i++)
    {
      Pending item = { GR_ROLE_POPULATION, g_ptr_array_index (pixels, i), 0, i, 0 };

      g_array_append_val (batch->items, item);
    }
  set_population_method (import, "raster");
  return TRUE;
}

static gboolean
read_source (Import *import, const GrSource *source, GError **error)
{
  g_auto (GDALDatasetH) ds = NULL;
  Batch               *batch;
  OGRLayerH            layer;
  Fields               fields = { 0 };
  OGRSpatialReferenceH srs;
  gboolean             ok;
  const char          *source_crs = source->crs != NULL ? source->crs : import->options->source_crs;

  if (g_strcmp0 (source_crs, GR_SOURCE_CRS_OWN) == 0)
    source_crs = NULL;
  if (source->role == GR_ROLE_POPULATION && !source->landuse
      && gr_path_is_population_raster (source->path))
    return read_raster (import, source, error);
  if (source->role == GR_ROLE_POPULATION && !source->landuse)
    set_population_method (import, "features");
  if (!gr_pg_check (source->path, error))
    return FALSE;
  ds = open_vector (source->path, error);
  if (ds == NULL || (layer = pick_layer (ds, source, error)) == NULL)
    return FALSE;
  srs = OGR_L_GetSpatialRef (layer);
  /* GDAL names a database table that is not there, or has no geometry
   * column, as a layer all the same. */
  if (gr_pg_is_connection (source->path)
      && OGR_FD_GetGeomFieldCount (OGR_L_GetLayerDefn (layer)) == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_ROLE,
                   _ ("%s: no table “%s” with a geometry column in the database"), source->label,
                   OGR_L_GetName (layer));
      return FALSE;
    }
  if (source_crs == NULL && srs == NULL && gr_pg_is_connection (source->path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: the table's geometry column has no SRID (0); give the CRS with "
                      "--source-crs, or set it in the database (UpdateGeometrySRID)"),
                   source->label);
      return FALSE;
    }
  if (source_crs == NULL && srs == NULL)
    {
      g_autofree char *message = describe_missing_crs (source->label, layer);
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS, g_strstrip (message));
      return FALSE;
    }
  batch = batch_new (source->label, gr_source_get_short_name (source));
  batch->role = source->role;
  batch->add = source->add;
  if (source->layer != NULL)
    {
      char *key = g_strconcat (batch->key, ":", source->layer, NULL);

      g_free (batch->key);
      batch->key = key;
    }
  g_ptr_array_add (import->batches, batch);
  batch->srs = source_crs != NULL ? gr_srs_new_from_user (source_crs) : gr_srs_clone (srs);
  batch->offset = gr_offset_from_name (source_crs);
  if (batch->offset != GR_OFFSET_NONE && srs != NULL && OSRIsProjected (srs))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: its coordinates are in “%s”, a projected CRS; %s is longitude and "
                      "latitude copied from a web map, so it cannot be read as %s"),
                   source->label, OSRGetName (srs), source_crs, source_crs);
      return FALSE;
    }
  if (batch->srs == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: the source CRS “%s” is not a coordinate reference system GDAL knows"),
                   source->label, source_crs);
      return FALSE;
    }
  if (!setup_fields (import, source, layer, &fields, error))
    return FALSE;
  ok = read_rows (import, source, layer, batch, &fields, error);
  if (ok && source->landuse)
    ok = _gr_import_sort_by_codes (
        import, source, batch,
        OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (OGR_L_GetLayerDefn (layer), fields.kind)), error);
  else if (ok)
    _gr_import_warn_mixed_codes (import, source, layer, batch, fields.kind);
  g_free (fields.encoding);
  if (ok && batch->bad_ages > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u feature has more children or elderly "
                                                   "than residents; its age groups are left out",
                                                   "%s: %u features have more children or elderly "
                                                   "than residents; their age groups are left out",
                                                   batch->bad_ages),
                                      source->label, batch->bad_ages));
  if (ok && batch->skipped > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u feature without usable %s was skipped",
                                                   "%s: %u features without usable %s were skipped",
                                                   batch->skipped),
                                      source->label, batch->skipped,
                                      _gr_import_shape_noun (gr_role_get_shape (source->role))));
  return ok;
}

/* ---- OpenStreetMap ------------------------------------------------------- */

static void
take_osm_feature (Import *import, Batch *batch, const char *layer_name, OGRFeatureH row)
{
  GrOsmClass klass;
  int        name = OGR_F_GetFieldIndex (row, "name");
  gboolean   chinese = gr_osm_prefers_chinese ();

  if (!gr_osm_classify (layer_name, row, &klass))
    {
      gr_osm_class_clear (&klass);
      return;
    }
  if (klass.motor_road && OGR_F_GetGeometryRef (row) != NULL)
    g_ptr_array_add (batch->motor_roads, OGR_G_Clone (OGR_F_GetGeometryRef (row)));
  for (guint role = 0; role < GR_N_ROLES; role++)
    {
      OGRGeometryH geometry = OGR_F_GetGeometryRef (row);
      Pending      item = { role, NULL, klass.admin_level, OGR_F_GetFID (row) };

      if (!(klass.roles & (1u << role)) || geometry == NULL)
        continue;
      item.feature = gr_feature_new (OGR_G_Clone (geometry));
      /* Chinese first under a Chinese locale, as the base map names. */
      if (chinese && (item.feature->name = gr_osm_tag (row, "name:zh")) == NULL)
        item.feature->name = gr_osm_tag (row, "name:zh-Hans");
      if (item.feature->name == NULL && name >= 0 && OGR_F_IsFieldSetAndNotNull (row, name))
        item.feature->name = gr_text_to_utf8 (OGR_F_GetFieldAsString (row, name), NULL);
      item.feature->kind = g_strdup (klass.kind);
      item.feature->historic = klass.historic;
      item.roadside = role == GR_ROLE_GREENWAY && klass.greenway == GR_OSM_GREENWAY_IF_APART
                      && !import->options->all_cycleways;
      item.route = role == GR_ROLE_GREENWAY && g_str_equal (layer_name, "multilinestrings");
      if (role == GR_ROLE_BUILDINGS)
        item.feature->value = klass.storeys;
      g_array_append_val (batch->items, item);
    }
  gr_osm_class_clear (&klass);
}

/* Zones are the administrative level with the most boundaries (at least
 * two), the finer level on a tie: parishes, districts or streets. */
static int
pick_admin_level (Batch *batch)
{
  guint counts[16] = { 0 };
  int   best = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      Pending *p = &g_array_index (batch->items, Pending, i);
      if (p->role == GR_ROLE_ZONES && p->admin_level >= 4 && p->admin_level < 16)
        counts[p->admin_level]++;
    }
  for (int level = 4; level < 16; level++)
    if (counts[level] >= 2 && counts[level] >= counts[best])
      best = level;
  return best;
}

static void
keep_zone_level (Batch *batch)
{
  int level = pick_admin_level (batch);

  for (guint i = batch->items->len; i-- > 0;)
    {
      Pending *p = &g_array_index (batch->items, Pending, i);
      if (p->role == GR_ROLE_ZONES && p->admin_level != level)
        g_array_remove_index (batch->items, i);
    }
}

static gboolean
read_osm (Import *import, const char *path, GError **error)
{
  g_autofree char *vsi =
      g_str_has_suffix (path, ".gz") ? g_strconcat ("/vsigzip/", path, NULL) : g_strdup (path);
  g_auto (GDALDatasetH) ds = NULL;
  Batch      *batch;
  OGRFeatureH row;
  OGRLayerH   layer;
  guint64     n = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return open_error (error, path, NULL);
  if (!gr_osm_check_nodes (path, error))
    return FALSE;
  ds = GDALOpenEx (vsi, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                   (const char *[]){ "OSM", NULL }, NULL, NULL);
  if (ds == NULL)
    {
      g_autofree char *gdal = gr_gdal_capture_end ();
      gr_gdal_capture_begin ();
      return open_error (error, path, gdal);
    }
  batch = batch_new (path, g_strdup ("osm"));
  batch->osm = TRUE;
  batch->motor_roads = g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  batch->srs = gr_srs_new_from_user ("EPSG:4326");
  g_ptr_array_add (import->batches, batch);
  /* The OSM driver must be read interleaved, all layers in one pass. */
  while ((row = GDALDatasetGetNextFeature (ds, &layer, NULL, NULL, NULL)) != NULL)
    {
      take_osm_feature (import, batch, OGR_L_GetName (layer), row);
      OGR_F_Destroy (row);
      if (++n % 8192 == 0
          && g_cancellable_set_error_if_cancelled (import->options->cancellable, error))
        return FALSE;
    }
  keep_zone_level (batch);
  if (batch->items->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                   _ ("%s: no parks, green space, residential land or paths in this OSM file"),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* The table's column of a ZONEFIELD[=TABLEFIELD] join: after the “=”,
 * else the zones' own field name, else found by its name. */
static char *
join_table_field (const char *join)
{
  const char *eq = join != NULL ? strchr (join, '=') : NULL;

  if (join == NULL)
    return NULL;
  return g_strdup (eq != NULL ? eq + 1 : join);
}

/* Residents per zone from a table: each zone with a row becomes a
 * population polygon with the row's residents. */
static gboolean
join_population_table (Import *import, GError **error)
{
  const GrImportOptions *o = import->options;
  g_autoptr (GPtrArray) zones = g_ptr_array_new ();
  g_autoptr (GPtrArray) people = NULL;
  g_autofree char *field = join_table_field (o->population_join);
  Batch           *from = NULL, *batch;
  double           total;

  if (import->project->population_method != NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: give one source of residents, a population layer or a table, not "
                      "both"),
                   o->population_table);
      return FALSE;
    }
  for (guint b = 0; b < import->batches->len; b++)
    {
      Batch *candidate = g_ptr_array_index (import->batches, b);

      for (guint i = 0; i < candidate->items->len; i++)
        {
          Pending *item = &g_array_index (candidate->items, Pending, i);

          if (item->role == GR_ROLE_ZONES && (from == NULL || from == candidate))
            {
              from = candidate;
              g_ptr_array_add (zones, item->feature);
            }
        }
    }
  if (from == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: a table of residents per zone needs the zones: add zones=PATH (the "
                      "街道 or 社区 boundaries)"),
                   o->population_table);
      return FALSE;
    }
  people = gr_population_table_join (o->population_table, field, o->population_field, zones,
                                     import->project->warnings, &total, error);
  if (people == NULL)
    return FALSE;
  batch = batch_new (o->population_table, g_strdup ("table"));
  batch->role = GR_ROLE_POPULATION;
  batch->srs = gr_srs_clone (from->srs);
  g_ptr_array_add (import->batches, batch);
  g_ptr_array_set_free_func (people, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      Pending item = { GR_ROLE_POPULATION, g_ptr_array_index (people, i), 0, i, 0 };

      g_array_append_val (batch->items, item);
    }
  set_population_method (import, "table");
  return TRUE;
}

static GrProject *
run_import (GPtrArray             *sources,
            const char            *osm_path,
            const GrImportOptions *options,
            GError               **error)
{
  static const GrImportOptions defaults = { 0 };
  GrImportOptions              effective = options != NULL ? *options : defaults;
  g_autofree char             *join_zone = NULL;
  g_autoptr (GrProject) project = gr_project_new ();
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func (batch_free);
  Import   import = { .options = &effective, .batches = batches, .project = project };
  gboolean ok = TRUE;

  /* --population-join ZONEFIELD=…: the zones are named by ZONEFIELD. */
  if (effective.population_join != NULL && effective.zone_field == NULL)
    {
      join_zone = g_strndup (effective.population_join, strcspn (effective.population_join, "="));
      effective.zone_field = join_zone;
    }
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      GrSource *source = g_ptr_array_index (sources, i);

      if (source->label == NULL)
        gr_source_set_path (source, source->path);
      if (!source->landuse)
        import.given_roles |= 1u << source->role;
    }
  gr_gdal_init ();
  gr_gdal_capture_begin ();
  if (osm_path != NULL)
    ok = read_osm (&import, osm_path, error);
  for (guint i = 0; ok && sources != NULL && i < sources->len; i++)
    ok = read_source (&import, g_ptr_array_index (sources, i), error);
  if (ok && import.options->population_table != NULL)
    ok = join_population_table (&import, error);
  ok = ok && _gr_import_finish (&import, error);
  g_free (gr_gdal_capture_end ());
  g_clear_pointer (&import.code_tables, g_ptr_array_unref);
  if (ok)
    project->recipe = gr_recipe_to_text (osm_path, sources, options);
  return ok ? g_steal_pointer (&project) : NULL;
}

/**
 * gr_project_import:
 * @osm_path: (nullable): an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz),
 *   read with the built-in tag mapping (gr-osm.c)
 * @sources: (nullable) (element-type GrSource): further inputs, each with its role
 *
 * Reads every input, chooses the analysis CRS (unless options->crs names
 * one), reprojects and repairs. Nothing is written: see gr_project_save().
 */
GrProject *
gr_project_import (const char            *osm_path,
                   GPtrArray             *sources,
                   const GrImportOptions *options,
                   GError               **error)
{
  g_return_val_if_fail (osm_path != NULL || (sources != NULL && sources->len > 0), NULL);
  return run_import (sources, osm_path, options, error);
}
