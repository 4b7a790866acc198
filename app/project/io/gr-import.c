/* gr-import.c — any GDAL vector source (or an OSM extract) into a project
 *
 * Features are read in their source CRS, the analysis CRS is chosen from
 * where the data lies, and everything is reprojected and repaired once.
 */
#include "config.h"

#include "gr-import.h"

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

/* A single feature with more residents than any city district is a data
 * error (a wrong field or unit), not a population. */
#define MAX_FEATURE_POPULATION 1.0e8

typedef struct
{
  GrRole     role;
  GrFeature *feature;     /* geometry in the batch's source CRS */
  int        admin_level; /* OSM zones only */
  GIntBig    fid;         /* in its source: the OSM id, the shapefile's record */
  guint      code;        /* land-use layers: its line in the batch's report */
} Pending;

typedef struct
{
  char                *path;
  OGRSpatialReferenceH srs;
  GArray              *items; /* Pending */
  guint                skipped;
  gboolean             osm;
  GrRole               role;   /* for a single-role source */
  GrOffset             offset; /* GCJ-02, BD-09: shifted to WGS 84 as read */
  GrLanduseReport     *report; /* a land-use layer's codes (the project's) */
  char                *key;    /* its features' origin: 公园.shp, city.gpkg:parks, osm, table */
  gboolean             add;    /* its roles follow an OSM extract's features, not replace them */
} Batch;

typedef struct
{
  const GrImportOptions *options;
  GPtrArray             *batches;
  GrProject             *project;
  guint                  given_roles; /* bits of the roles a source of their own gives */
  GPtrArray             *code_tables; /* GrCodeTable, loaded for the first land-use layer */
} Import;

static void
pending_clear (gpointer data)
{
  gr_feature_free (((Pending *) data)->feature);
}

static Batch *
batch_new (const char *path)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->key = g_path_get_basename (path);
  batch->path = g_strdup (path);
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
  g_free (batch);
}

GrSource *
gr_source_copy (const GrSource *source)
{
  GrSource *copy = g_new0 (GrSource, 1);

  copy->role = source->role;
  copy->path = g_strdup (source->path);
  copy->layer = g_strdup (source->layer);
  copy->add = source->add;
  copy->landuse = source->landuse;
  return copy;
}

void
gr_source_free (GrSource *source)
{
  if (source == NULL)
    return;
  g_free (source->path);
  g_free (source->layer);
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

  /* landuse= is a layer whose features take the roles their codes mean. */
  source->landuse = role != NULL && g_ascii_strcasecmp (role, "landuse") == 0;
  if (role == NULL || eq[1] == '\0'
      || (!source->landuse && !gr_role_from_string (role, &source->role)))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("“%s” is not ROLE=PATH[:LAYER]; roles are green, park, residential, "
                      "population, walk, greenway, corridor, water, zones, buildings, nursery, "
                      "builtup, sites, entrances, and landuse for a layer coded by a land-use "
                      "classification"),
                   spec);
      return NULL;
    }
  source->path = g_strdup (eq + 1);
  colon = strrchr (source->path, ':');
  /* A path may hold colons itself (PG:…, C:\…): split off a layer only when
   * what stands before the colon is a file, or after it a plain name. */
  if (colon != NULL && !g_file_test (source->path, G_FILE_TEST_EXISTS)
      && looks_like_layer_name (colon + 1)
      && (colon - source->path > 2 || !g_str_has_prefix (source->path, "PG")))
    {
      source->layer = g_strdup (colon + 1);
      source->path[colon - source->path] = '\0';
    }
  return g_steal_pointer (&source);
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
open_error (GError **error, const char *path, const char *gdal)
{
  if (!g_str_has_prefix (path, "PG:") && !g_str_has_prefix (path, "/vsi")
      && !g_file_test (path, G_FILE_TEST_EXISTS))
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
                 _ ("%s: the source has no layers"), source->path);
  else if (source->layer != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s: no layer “%s”; the layers are: %s"), source->path, source->layer,
                 names->str);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                 _ ("%s has %d layers (%s); choose one with %s=%s:LAYER"), source->path, n,
                 names->str, source_key (source), source->path);
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

static const char *
shape_noun (GrShape shape)
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

typedef struct
{
  int   name, kind, value, historic;
  int   levels, height; /* buildings */
  char *encoding;
} Fields;

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
               source->path, (long long) fid, value);
  return FALSE;
}

/* Fields that hold a land-use code (国土调查 地类编码 DLBM, 用地代码 YDDM…),
 * codes first, then the class names (地类名称 DLMC) some layers carry alone. */
static const char *const code_fields[] = { "DLBM",     "YDDM",     "DLDM",     "YDXZ",
                                           "YDLX",     "用地代码", "地类编码", "用地编码",
                                           "用地性质", "用地类型", "DLMC",     "YDMC",
                                           "地类名称", "用地名称", NULL };

/**
 * gr_find_code_field:
 *
 * Returns: the index of @defn's land-use code field (DLBM, YDDM, 用地代码…,
 *   or a class name field, DLMC), or -1
 */
int
gr_find_code_field (OGRFeatureDefnH defn)
{
  return gr_gdal_find_field (defn, NULL, code_fields);
}

static gboolean
setup_code_field (const GrSource        *source,
                  const GrImportOptions *o,
                  OGRFeatureDefnH        defn,
                  Fields                *fields,
                  GError               **error)
{
  g_autofree char *list = NULL;

  fields->kind = gr_gdal_find_field (defn, o->code_field, code_fields);
  if (fields->kind >= 0)
    return TRUE;
  list = gr_gdal_field_list (defn);
  if (o->code_field != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                 _ ("%s: no land-use code field “%s”; the fields are: %s"), source->path,
                 o->code_field, list);
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                 _ ("%s: no land-use code field (DLBM, YDDM, 用地代码…); the fields are: %s. "
                    "Name it with --code-field"),
                 source->path, list);
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
  const GrImportOptions *o = import->options;
  OGRFeatureDefnH        defn = OGR_L_GetLayerDefn (layer);
  gboolean               zones = source->role == GR_ROLE_ZONES;

  fields->name = gr_gdal_find_field (defn, zones ? o->zone_field : NULL, names);
  fields->kind = gr_gdal_find_field (defn, NULL, kinds);
  fields->historic = gr_gdal_find_field (defn, NULL, historic);
  fields->levels = source->role == GR_ROLE_BUILDINGS ? gr_gdal_find_field (defn, NULL, levels) : -1;
  fields->height =
      source->role == GR_ROLE_BUILDINGS ? gr_gdal_find_field (defn, NULL, heights) : -1;
  if (source->landuse && !setup_code_field (source, o, defn, fields, error))
    return FALSE;
  fields->value = source->role == GR_ROLE_POPULATION
                      ? gr_gdal_find_field (defn, o->population_field, people)
                      : -1;
  if (zones && o->zone_field != NULL && fields->name < 0)
    {
      g_autofree char *list = gr_gdal_field_list (defn);
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: no zone field “%s”; the fields are: %s"), source->path, o->zone_field,
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
                     _ ("%s: no numeric population field “%s”; the fields are: %s"), source->path,
                     o->population_field, list);
      else
        g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                     _ ("%s: no numeric population field; the fields are: %s. "
                        "Name it with --population-field"),
                     source->path, list);
      return FALSE;
    }
  /* Last: a refused source leaves nothing to free. */
  fields->encoding =
      o->encoding != NULL ? g_strdup (o->encoding) : gr_shapefile_encoding (source->path);
  return TRUE;
}

static int
compare_counts (gconstpointer a, gconstpointer b, gpointer counts)
{
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) a));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) b));

  return nb != na ? (nb > na ? 1 : -1) : strcmp (*(const char **) a, *(const char **) b);
}

/* A layer imported with one role whose land-use code field (国土调查 DLBM,
 * 用地代码…) holds several codes is a mixed land-use layer: every code was
 * taken for the role (housing, parks…). Said, naming the codes and their
 * counts, rather than counted silently. */
static void
warn_mixed_codes (Import *import, const GrSource *source, OGRLayerH layer, Batch *batch, int kind)
{
  const char *field =
      kind >= 0 ? OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (OGR_L_GetLayerDefn (layer), kind))
                : NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GPtrArray) codes = NULL;
  g_autoptr (GString) list = NULL;
  gboolean is_code = FALSE;

  for (guint i = 0; field != NULL && code_fields[i] != NULL; i++)
    is_code = is_code || g_ascii_strcasecmp (field, code_fields[i]) == 0;
  if (!is_code)
    return;
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < batch->items->len; i++)
    {
      const char *code = g_array_index (batch->items, Pending, i).feature->kind;

      code = code != NULL ? code : "";
      g_hash_table_insert (
          counts, (gpointer) code,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1));
    }
  if (g_hash_table_size (counts) < 2)
    return;
  codes = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer       code;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      g_ptr_array_add (codes, code);
  }
  g_ptr_array_sort_with_data (codes, compare_counts, counts);
  list = g_string_new (NULL);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      /* TRANSLATORS: a land-use code and how many features have it: 0701 (120) */
      g_string_append_printf (list, _ ("%s%s (%u)"), i > 0 ? ", " : "", code[0] ? code : "–",
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)));
    }
  g_ptr_array_add (
      import->project->warnings,
      g_strdup_printf (_ ("%s: the field %s holds %u different land-use codes — %s — and every "
                          "feature was taken as %s; if this is a mixed land-use layer, import "
                          "it as land use (landuse=), sorted by its codes"),
                       source->path, field, g_hash_table_size (counts), list->str,
                       gr_role_get_label (source->role)));
}

/* ---- land-use layers ------------------------------------------------------- */

static GrCodeTable *
pick_code_table (Import *import, GHashTable *counts, const char *path, GError **error)
{
  const GrImportOptions *o = import->options;

  if (import->code_tables == NULL)
    {
      g_autofree char *dir = gr_runtime_data_path ("landuse");

      if ((import->code_tables = gr_code_tables_load (dir, error)) == NULL)
        return NULL;
    }
  if (o->code_table != NULL)
    return gr_code_tables_find (import->code_tables, o->code_table, error);
  return gr_code_tables_detect (import->code_tables, counts, path, error);
}

static gboolean
apply_code_roles (GrCodeTable *table, const char *const *overrides, GError **error)
{
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (overrides[i], "=", 2);

      if (!gr_code_table_set_role (table, pair[0], pair[1], error))
        return FALSE;
    }
  return TRUE;
}

static guint
report_line (GrLanduseReport *report, const char *code)
{
  for (guint i = 0; i < report->codes->len; i++)
    if (strcmp (g_array_index (report->codes, GrCodeCount, i).code, code) == 0)
      return i;
  g_return_val_if_reached (0);
}

/* Each feature of a land-use layer to the role its code means (or none),
 * with its class text as the code's name: “1401 公园绿地”, “G12 社区公园”. */
static void
assign_codes (Import *import, Batch *batch, GrCodeTable *table)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < batch->items->len; i++)
    {
      Pending           *item = &g_array_index (batch->items, Pending, i);
      char              *code = gr_code_normalise (item->feature->kind);
      const GrCodeEntry *entry = code != NULL ? gr_code_table_lookup (table, code, NULL) : NULL;
      GrCodeCount       *line;

      code = code != NULL ? code : g_strdup ("");
      g_ptr_array_add (codes, code);
      line = gr_landuse_report_count (batch->report, code, entry);
      line->n_features++;
      item->role = entry != NULL ? entry->role : GR_ROLE_NONE;
      /* Parks from the park inventory, homes from the land-use layer: a
       * role given by a source of its own is not taken from here too. */
      if (item->role != GR_ROLE_NONE && (import->given_roles & (1u << item->role)))
        {
          item->role = GR_ROLE_NONE;
          line->taken = FALSE;
        }
      if (entry != NULL)
        {
          g_free (item->feature->kind);
          item->feature->kind = g_strdup_printf (
              "%s %s", entry->klass != NULL ? entry->klass : entry->code, entry->name);
        }
    }
  /* Once every code has its line, the lines stay where they are. */
  for (guint i = 0; i < batch->items->len; i++)
    g_array_index (batch->items, Pending, i).code =
        report_line (batch->report, g_ptr_array_index (codes, i));
}

/* Sorts a land-use layer's features by their codes, naming the table it
 * reads them with; unknown codes are left out and said (or, with
 * --strict, an error). */
static gboolean
sort_by_codes (Import         *import,
               const GrSource *source,
               Batch          *batch,
               const char     *field,
               GError        **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GrCodeTable) table = NULL;
  g_autofree char *unknown = NULL;
  guint            n_unknown = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      char *code = gr_code_normalise (g_array_index (batch->items, Pending, i).feature->kind);

      if (code == NULL)
        continue;
      g_hash_table_insert (
          counts, code,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1));
    }
  if ((table = pick_code_table (import, counts, source->path, error)) == NULL
      || !apply_code_roles (table, import->options->code_roles, error))
    return FALSE;
  batch->report = gr_landuse_report_new (source->path, field, table);
  g_ptr_array_add (import->project->landuse, batch->report);
  assign_codes (import, batch, table);
  for (guint i = 0; i < batch->report->codes->len; i++)
    if (!g_array_index (batch->report->codes, GrCodeCount, i).known)
      n_unknown += g_array_index (batch->report->codes, GrCodeCount, i).n_features;
  if (n_unknown == 0)
    return TRUE;
  unknown = gr_landuse_report_list_unknown (batch->report);
  if (import->options->strict)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID,
                   _ ("%s: %s has land-use codes that “%s” (%s) does not have: %s. Add them to a "
                      "copy of the table, or give --code-role CODE=ROLE"),
                   source->path, field, gr_code_table_get_title (table),
                   gr_code_table_get_id (table), unknown);
      return FALSE;
    }
  g_ptr_array_add (
      import->project->warnings,
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%s: %u feature has a land-use code that “%s” does not have, "
                                    "and was left out: %s (--strict stops at it)",
                                    "%s: %u features have land-use codes that “%s” does not "
                                    "have, and were left out: %s (--strict stops at them)",
                                    n_unknown),
                       source->path, n_unknown, gr_code_table_get_id (table), unknown));
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
                 source->path, OGR_L_GetName (layer));
  else if (batch->items->len == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_ROLE,
                 _ ("%s: the role “%s” needs %s, but layer “%s” has none"), source->path,
                 source_key (source), shape_noun (shape), OGR_L_GetName (layer));
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
  batch = batch_new (source->path);
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

  if (source->role == GR_ROLE_POPULATION && !source->landuse
      && gr_path_is_population_raster (source->path))
    return read_raster (import, source, error);
  if (source->role == GR_ROLE_POPULATION && !source->landuse)
    set_population_method (import, "features");
  ds = open_vector (source->path, error);
  if (ds == NULL || (layer = pick_layer (ds, source, error)) == NULL)
    return FALSE;
  srs = OGR_L_GetSpatialRef (layer);
  if (import->options->source_crs == NULL && srs == NULL)
    {
      g_autofree char *message = describe_missing_crs (source->path, layer);
      g_set_error_literal (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS, g_strstrip (message));
      return FALSE;
    }
  batch = batch_new (source->path);
  batch->role = source->role;
  batch->add = source->add;
  if (source->layer != NULL)
    {
      char *key = g_strconcat (batch->key, ":", source->layer, NULL);

      g_free (batch->key);
      batch->key = key;
    }
  g_ptr_array_add (import->batches, batch);
  batch->srs = import->options->source_crs != NULL
                   ? gr_srs_new_from_user (import->options->source_crs)
                   : gr_srs_clone (srs);
  batch->offset = gr_offset_from_name (import->options->source_crs);
  if (batch->srs == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("--source-crs “%s” is not a coordinate reference system GDAL knows"),
                   import->options->source_crs);
      return FALSE;
    }
  if (!setup_fields (import, source, layer, &fields, error))
    return FALSE;
  ok = read_rows (import, source, layer, batch, &fields, error);
  if (ok && source->landuse)
    ok = sort_by_codes (
        import, source, batch,
        OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (OGR_L_GetLayerDefn (layer), fields.kind)), error);
  else if (ok)
    warn_mixed_codes (import, source, layer, batch, fields.kind);
  g_free (fields.encoding);
  if (ok && batch->skipped > 0)
    g_ptr_array_add (
        import->project->warnings,
        g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%s: %u feature without usable %s was skipped",
                         "%s: %u features without usable %s were skipped", batch->skipped),
            source->path, batch->skipped, shape_noun (gr_role_get_shape (source->role))));
  return ok;
}

/* ---- OpenStreetMap ------------------------------------------------------- */

static void
take_osm_feature (Batch *batch, const char *layer_name, OGRFeatureH row)
{
  GrOsmClass klass;
  int        name = OGR_F_GetFieldIndex (row, "name");

  if (!gr_osm_classify (layer_name, row, &klass))
    {
      gr_osm_class_clear (&klass);
      return;
    }
  for (guint role = 0; role < GR_N_ROLES; role++)
    {
      OGRGeometryH geometry = OGR_F_GetGeometryRef (row);
      Pending      item = { role, NULL, klass.admin_level, OGR_F_GetFID (row) };

      if (!(klass.roles & (1u << role)) || geometry == NULL)
        continue;
      item.feature = gr_feature_new (OGR_G_Clone (geometry));
      if (name >= 0 && OGR_F_IsFieldSetAndNotNull (row, name))
        item.feature->name = gr_text_to_utf8 (OGR_F_GetFieldAsString (row, name), NULL);
      item.feature->kind = g_strdup (klass.kind);
      item.feature->historic = klass.historic;
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
  batch = batch_new (path);
  batch->osm = TRUE;
  g_free (batch->key);
  batch->key = g_strdup ("osm");
  batch->srs = gr_srs_new_from_user ("EPSG:4326");
  g_ptr_array_add (import->batches, batch);
  /* The OSM driver must be read interleaved, all layers in one pass. */
  while ((row = GDALDatasetGetNextFeature (ds, &layer, NULL, NULL, NULL)) != NULL)
    {
      take_osm_feature (batch, OGR_L_GetName (layer), row);
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

/* ---- the analysis CRS ----------------------------------------------------- */

static gboolean
batch_lonlat_box (Batch *batch, OGRSpatialReferenceH wgs84, double box[4], GError **error)
{
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (batch->srs, wgs84);
  OGREnvelope env = { INFINITY, -INFINITY, INFINITY, -INFINITY };
  double      x[2], y[2];

  for (guint i = 0; i < batch->items->len; i++)
    {
      OGREnvelope e;
      OGR_G_GetEnvelope (g_array_index (batch->items, Pending, i).feature->geometry, &e);
      env.MinX = MIN (env.MinX, e.MinX);
      env.MaxX = MAX (env.MaxX, e.MaxX);
      env.MinY = MIN (env.MinY, e.MinY);
      env.MaxY = MAX (env.MaxY, e.MaxY);
    }
  if (OSRIsGeographic (batch->srs)
      && (env.MinX < -180.5 || env.MaxX > 360.5 || env.MinY < -90.5 || env.MaxY > 90.5))
    {
      g_autofree char *hint = gr_crs_suggest ((env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2);
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: coordinates (%.1f, %.1f) are outside the range of its geographic CRS "
                      "“%s”; the .prj is probably wrong. Give the right CRS with --source-crs. %s"),
                   batch->path, env.MinX, env.MinY, OSRGetName (batch->srs), hint ? hint : "");
      return FALSE;
    }
  x[0] = env.MinX, x[1] = env.MaxX, y[0] = env.MinY, y[1] = env.MaxY;
  if (ct == NULL || !OCTTransform (ct, 2, x, y, NULL) || !isfinite (x[0] + x[1] + y[0] + y[1]))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("%s: coordinates cannot be placed on the Earth with CRS “%s”; "
                      "check the CRS or give it with --source-crs"),
                   batch->path, OSRGetName (batch->srs));
      return FALSE;
    }
  box[0] = MIN (box[0], MIN (x[0], x[1]));
  box[1] = MIN (box[1], MIN (y[0], y[1]));
  box[2] = MAX (box[2], MAX (x[0], x[1]));
  box[3] = MAX (box[3], MAX (y[0], y[1]));
  return TRUE;
}

/* Whether every source other than OSM is in CRS EPSG:@epsg. */
static gboolean
sources_use_epsg (Import *import, int epsg)
{
  guint n = 0;

  for (guint i = 0; epsg > 0 && i < import->batches->len; i++)
    {
      Batch      *batch = g_ptr_array_index (import->batches, i);
      const char *code = OSRGetAuthorityCode (batch->srs, NULL);
      const char *name = OSRGetAuthorityName (batch->srs, NULL);

      if (batch->osm)
        continue;
      if (code == NULL || g_strcmp0 (name, "EPSG") != 0 || atoi (code) != epsg)
        return FALSE;
      n++;
    }
  return n > 0;
}

static OGRSpatialReferenceH
choose_crs (Import *import, GError **error)
{
  g_auto (OGRSpatialReferenceH) wgs84 = gr_srs_new_from_user ("EPSG:4326");
  double               box[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  OGRSpatialReferenceH srs;
  g_autofree char     *code = NULL;

  for (guint i = 0; i < import->batches->len; i++)
    if (!batch_lonlat_box (g_ptr_array_index (import->batches, i), wgs84, box, error))
      return NULL;
  if (import->options->crs != NULL)
    {
      srs = gr_srs_new_from_user (import->options->crs);
      if (srs == NULL || !OSRIsProjected (srs) || fabs (OSRGetLinearUnits (srs, NULL) - 1) > 1e-9)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                       _ ("--crs “%s” is not a projected CRS in metres"), import->options->crs);
          if (srs != NULL)
            OSRRelease (srs);
          return NULL;
        }
      return srs;
    }
  import->project->epsg = gr_crs_choose_epsg ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  /* Bureau data in the zone with its prefix is analysed in it too, so
   * that the coordinates printed and asked for are the bureau's own. */
  if (sources_use_epsg (import, gr_crs_with_zone_prefix (import->project->epsg)))
    import->project->epsg = gr_crs_with_zone_prefix (import->project->epsg);
  code = g_strdup_printf ("EPSG:%d", import->project->epsg);
  return gr_srs_new_from_user (code);
}

/* ---- reprojection and repair ---------------------------------------------- */

static OGRGeometryH
collect_parts (OGRGeometryH geometry, OGRwkbGeometryType want, OGRGeometryH into)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == want)
    OGR_G_AddGeometry (into, geometry);
  else if (OGR_GT_IsSubClassOf (type, wkbGeometryCollection))
    for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
      collect_parts (OGR_G_GetGeometryRef (geometry, i), want, into);
  return into;
}

static OGRGeometryH
keep_shape (OGRGeometryH geometry, GrShape shape)
{
  OGRGeometryH linear = OGR_G_GetLinearGeometry (geometry, 0, NULL);
  OGRGeometryH areas = collect_parts (linear, wkbPolygon, OGR_G_CreateGeometry (wkbMultiPolygon));
  OGRGeometryH result = NULL;

  if (shape == GR_SHAPE_LINE)
    result = collect_parts (linear, wkbLineString, OGR_G_CreateGeometry (wkbMultiLineString));
  else if (shape == GR_SHAPE_POINT || (shape == GR_SHAPE_AREA_OR_POINT && OGR_G_IsEmpty (areas)))
    result = collect_parts (linear, wkbPoint, OGR_G_CreateGeometry (wkbMultiPoint));
  else
    result = g_steal_pointer (&areas);
  if (areas != NULL)
    OGR_G_DestroyGeometry (areas);
  OGR_G_DestroyGeometry (linear);
  if (OGR_G_IsEmpty (result)
      || (OGR_GT_IsSubClassOf (OGR_G_GetGeometryType (result), wkbMultiPolygon)
          && OGR_G_Area (result) <= 0))
    {
      OGR_G_DestroyGeometry (result);
      return NULL;
    }
  return result;
}

/* Invalid polygons (self-intersections, bow-ties) are repaired, and every
 * geometry is reduced to the parts its role uses. */
static OGRGeometryH
clean_geometry (OGRGeometryH geometry, GrShape shape, gboolean *repaired)
{
  g_auto (OGRGeometryH) valid = NULL;

  *repaired = FALSE;
  if (!OGR_G_IsValid (geometry))
    {
      valid = OGR_G_MakeValid (geometry);
      if (valid == NULL)
        return NULL;
      *repaired = TRUE;
      geometry = valid;
    }
  return keep_shape (geometry, shape);
}

/* No feature of a city or county is this large: one that is has a wrong
 * coordinate (an OSM node read as 0°, a digit lost in a bureau's file). */
#define ABSURD_KM 300.0

/* The larger side of @geometry's box in km, in its source CRS. */
static double
size_km (OGRGeometryH geometry, OGRSpatialReferenceH srs)
{
  OGREnvelope env;

  OGR_G_GetEnvelope (geometry, &env);
  if (srs != NULL && OSRIsGeographic (srs))
    {
      double lat = fmin (fabs (env.MinY), fabs (env.MaxY)) * G_PI / 180;

      return fmax ((env.MaxX - env.MinX) * 111.32 * cos (MIN (lat, 1.5)),
                   (env.MaxY - env.MinY) * 110.57);
    }
  return fmax (env.MaxX - env.MinX, env.MaxY - env.MinY)
         * (srs != NULL ? OSRGetLinearUnits (srs, NULL) : 1) / 1000;
}

/* Leaves out features too large to be true, before they decide the CRS or
 * reach the grid, naming the first of them. */
static void
drop_absurd (Import *import, Batch *batch)
{
  g_autofree char *first = NULL;
  guint            dropped = 0;

  for (guint i = batch->items->len; i-- > 0;)
    {
      Pending *item = &g_array_index (batch->items, Pending, i);
      double   km = size_km (item->feature->geometry, batch->srs);

      if (!(km > ABSURD_KM))
        continue;
      g_free (first);
      /* TRANSLATORS: "Parks: feature 123 (“人民公园”) spans 4,700 km" */
      first = g_strdup_printf (
          _ ("%s: feature %lld (“%s”) spans %.0f km"),
          item->role != GR_ROLE_NONE ? gr_role_get_label (item->role) : _ ("land use"),
          (long long) item->fid, item->feature->name != NULL ? item->feature->name : "",
          MIN (km, 1e9));
      dropped++;
      g_array_remove_index (batch->items, i);
    }
  if (dropped > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u feature is more than %.0f km across, "
                                                   "so its coordinates are wrong; left out (%s)",
                                                   "%s: %u features are more than %.0f km "
                                                   "across, so their coordinates are wrong; left "
                                                   "out (e.g. %s)",
                                                   dropped),
                                      batch->path, dropped, ABSURD_KM, first));
}

static gboolean
place_batch (Import *import, Batch *batch, OGRSpatialReferenceH target, GError **error)
{
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (batch->srs, target);
  GrProject *project = import->project;
  guint      dropped = 0;

  for (guint i = 0; i < batch->items->len; i++)
    {
      Pending *item = &g_array_index (batch->items, Pending, i);
      GrShape  shape = item->role != GR_ROLE_NONE ? gr_role_get_shape (item->role) : GR_SHAPE_AREA;
      GrLayer *layer;
      OGREnvelope  env;
      OGRGeometryH clean;
      gboolean     repaired;

      if (ct == NULL || OGR_G_Transform (item->feature->geometry, ct) != OGRERR_NONE
          || (OGR_G_GetEnvelope (item->feature->geometry, &env),
              !isfinite (env.MinX + env.MaxX + env.MinY + env.MaxY)))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                       _ ("%s: a feature could not be reprojected to %s; check the source CRS"),
                       batch->path, OSRGetName (target));
          return FALSE;
        }
      clean = clean_geometry (item->feature->geometry, shape, &repaired);
      if (clean == NULL)
        {
          dropped++;
          continue;
        }
      /* A land-use layer's every code is measured, counted or not. */
      if (batch->report != NULL)
        g_array_index (batch->report->codes, GrCodeCount, item->code).area += OGR_G_Area (clean);
      if (item->role == GR_ROLE_NONE)
        {
          OGR_G_DestroyGeometry (clean);
          continue;
        }
      project->repaired += repaired;
      layer = gr_project_ensure_layer (project, item->role);
      OGR_G_DestroyGeometry (item->feature->geometry);
      item->feature->geometry = clean;
      item->feature->origin = g_strdup_printf ("%s#%lld", batch->key, (long long) item->fid);
      g_ptr_array_add (layer->features, g_steal_pointer (&item->feature));
      if (layer->sources == NULL || strstr (layer->sources, batch->path) == NULL)
        {
          char *sources = layer->sources ? g_strjoin ("; ", layer->sources, batch->path, NULL)
                                         : g_strdup (batch->path);
          g_free (layer->sources);
          layer->sources = sources;
        }
      if (i % 1024 == 0
          && g_cancellable_set_error_if_cancelled (import->options->cancellable, error))
        return FALSE;
    }
  if (dropped > 0 && !batch->osm)
    g_ptr_array_add (
        project->warnings,
        g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%s: %u feature was empty after repair and was dropped",
                         "%s: %u features were empty after repair and were dropped", dropped),
            batch->path, dropped));
  return TRUE;
}

static gboolean
landuse_counted (const Batch *batch)
{
  for (guint i = 0; i < batch->report->codes->len; i++)
    {
      const GrCodeCount *line = &g_array_index (batch->report->codes, GrCodeCount, i);

      if (line->role != GR_ROLE_NONE && line->area > 0)
        return TRUE;
    }
  return FALSE;
}

/* A source whose every feature was lost in repair is an error, not a
 * silently missing layer. */
static gboolean
check_layers (Import *import, GError **error)
{
  for (guint i = 0; i < import->batches->len; i++)
    {
      Batch   *batch = g_ptr_array_index (import->batches, i);
      GrLayer *layer = import->project->layers[batch->role];

      if (batch->report != NULL)
        {
          if (!landuse_counted (batch))
            {
              g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                           _ ("%s: none of the land-use codes in %s is counted for any role "
                              "by “%s”"),
                           batch->path, batch->report->field, batch->report->table_id);
              return FALSE;
            }
          continue;
        }
      if (!batch->osm && (layer == NULL || layer->features->len == 0))
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                       _ ("%s: no usable %s after repair"), batch->path,
                       shape_noun (gr_role_get_shape (batch->role)));
          return FALSE;
        }
    }
  return TRUE;
}

/* Residents from buildings: spread over floor area when a table gives
 * them per zone and the buildings their storeys; estimated when nothing
 * gives them. */
static void
place_residents (Import *import)
{
  const GrImportOptions *o = import->options;
  GrPopulationSettings   settings = { o->floor_area_per_resident, o->default_storeys };
  guint                  zones = gr_population_spread_over_floor_area (import->project, &settings);

  if (zones > 0)
    g_ptr_array_add (import->project->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "the residents of %u zone are spread over "
                                                   "its residential buildings by floor area",
                                                   "the residents of %u zones are spread over "
                                                   "their residential buildings by floor area",
                                                   zones),
                                      zones));
  if (!o->no_estimate)
    gr_population_estimate_from_buildings (import->project, &settings);
}

/* A role a source of its own gives (a park inventory, a land-use layer's
 * homes) takes the place of the OSM extract's features of that role, as
 * a layer imported over an open extract does; unless it is to be added. */
static void
replace_osm_roles (Import *import)
{
  guint given = 0;

  for (guint b = 0; b < import->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (import->batches, b);

      for (guint i = 0; !batch->osm && !batch->add && i < batch->items->len; i++)
        if (g_array_index (batch->items, Pending, i).role != GR_ROLE_NONE)
          given |= 1u << g_array_index (batch->items, Pending, i).role;
    }
  for (guint b = 0; given != 0 && b < import->batches->len; b++)
    {
      Batch *batch = g_ptr_array_index (import->batches, b);

      for (guint i = batch->items->len; batch->osm && i-- > 0;)
        if (given & (1u << g_array_index (batch->items, Pending, i).role))
          g_array_remove_index (batch->items, i);
    }
}

static gboolean
finish (Import *import, GError **error)
{
  g_auto (OGRSpatialReferenceH) target = NULL;
  char *wkt = NULL;

  replace_osm_roles (import);
  for (guint i = 0; i < import->batches->len; i++)
    drop_absurd (import, g_ptr_array_index (import->batches, i));
  if ((target = choose_crs (import, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < import->batches->len; i++)
    if (!place_batch (import, g_ptr_array_index (import->batches, i), target, error))
      return FALSE;
  if (!check_layers (import, error))
    return FALSE;
  OSRExportToWkt (target, &wkt);
  import->project->crs_wkt = g_strdup (wkt);
  CPLFree (wkt);
  import->project->crs_name = g_strdup (OSRGetName (target));
  if (import->project->epsg == 0)
    {
      const char *code = OSRGetAuthorityCode (target, NULL);
      import->project->epsg = code != NULL ? atoi (code) : 0;
    }
  gr_project_update_extent (import->project);
  place_residents (import);
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
  batch = batch_new (o->population_table);
  g_free (batch->key);
  batch->key = g_strdup ("table");
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
      const GrSource *source = g_ptr_array_index (sources, i);

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
  ok = ok && finish (&import, error);
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
